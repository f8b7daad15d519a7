/** The reference module (top-level reference/), as the adapters use it: one door for every country subgraph. */
export * from '../../reference/index.js';
