import { runResilienceChecks } from '../../test/conformance/resilience.js';
import { startCountryForTest } from '../../test/harness/country.js';

runResilienceChecks('brunei', () => startCountryForTest('brunei'));
