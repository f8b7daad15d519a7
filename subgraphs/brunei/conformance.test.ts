import { startCountryForTest } from '../../test/harness/country.js';
import { runCountryConformance } from '../../test/conformance/suite.js';

runCountryConformance('brunei', () => startCountryForTest('brunei'));
