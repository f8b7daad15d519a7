import { startCountryForTest } from '../harness/country.js';
import { runCountryConformance } from './suite.js';

runCountryConformance('malaysia', () => startCountryForTest('malaysia'));
