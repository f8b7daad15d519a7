import { vacancyIdOf } from '../../simulators/brunei/src/native.js';
import { profile } from '../../simulators/brunei/src/profile.js';
import { startSimulator } from '../../simulators/brunei/src/index.js';
import { runChangeFeedChecks } from '../../test/conformance/changeFeed.js';

runChangeFeedChecks({ name: 'brunei', country: 'BN', profile, startSimulator, nativeIdOf: (_seed, seq) => vacancyIdOf(seq) });
