export * from '../taxonomy/src/reference/index.js';
