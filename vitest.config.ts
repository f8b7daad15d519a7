import { defineConfig } from 'vitest/config';

// One test command for everything. Unit tests are pure and fast; contract and e2e tests start
// real simulators, subgraphs and the gateway on ephemeral ports and use the real Redis.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
