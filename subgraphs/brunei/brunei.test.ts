import { runCountryConformance } from '../../test/conformance/suite.js';
import { runResilienceChecks } from '../../test/conformance/resilience.js';
import { startCountryForTest } from '../../test/harness/country.js';

// The shared country suite and the resilience checks, against JobCentre Brunei's simulator.
runCountryConformance('brunei', () => startCountryForTest('brunei'));
runResilienceChecks('brunei', () => startCountryForTest('brunei'));
