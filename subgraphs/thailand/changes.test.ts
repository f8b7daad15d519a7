import { jobIdOf } from '../../simulators/thailand/src/native.js';
import { profile } from '../../simulators/thailand/src/profile.js';
import { startSimulator } from '../../simulators/thailand/src/index.js';
import { runChangeFeedChecks } from '../../test/conformance/changeFeed.js';

runChangeFeedChecks({ name: 'thailand', country: 'TH', profile, startSimulator, nativeIdOf: (_seed, seq) => String(jobIdOf(seq)) });
