import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end channel tests start servers; keep them off each other's ports and CPU.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
