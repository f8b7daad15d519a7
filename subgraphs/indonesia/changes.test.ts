import { objectIdOf } from '../../simulators/indonesia/src/native.js';
import { profile } from '../../simulators/indonesia/src/profile.js';
import { startSimulator } from '../../simulators/indonesia/src/index.js';
import { runChangeFeedChecks } from '../../test/conformance/changeFeed.js';

runChangeFeedChecks({ name: 'indonesia', country: 'ID', profile, startSimulator, nativeIdOf: objectIdOf });
