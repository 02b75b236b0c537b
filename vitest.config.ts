import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Native SQLite and child processes: separate processes are the honest isolation.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
  resolve: {
    // One copy of yjs everywhere (two copies silently break instanceof checks).
    dedupe: ['yjs'],
  },
});
