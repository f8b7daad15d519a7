import { runResilienceChecks } from '../../test/conformance/resilience.js';
import { startCountryForTest } from '../../test/harness/country.js';

runResilienceChecks('malaysia', () => startCountryForTest('malaysia'));
