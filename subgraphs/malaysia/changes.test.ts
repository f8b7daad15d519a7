import { jobIdOf } from '../../simulators/malaysia/src/native.js';
import { profile } from '../../simulators/malaysia/src/profile.js';
import { startSimulator } from '../../simulators/malaysia/src/index.js';
import { runChangeFeedChecks } from '../../test/conformance/changeFeed.js';

runChangeFeedChecks({ name: 'malaysia', country: 'MY', profile, startSimulator, nativeIdOf: jobIdOf });
