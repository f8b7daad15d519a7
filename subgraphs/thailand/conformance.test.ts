import { startCountryForTest } from '../../test/harness/country.js';
import { runCountryConformance } from '../../test/conformance/suite.js';

runCountryConformance('thailand', () => startCountryForTest('thailand'));
