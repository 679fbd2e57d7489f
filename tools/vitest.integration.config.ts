import { defineConfig } from 'vitest/config';

/**
 * Integration tests: real Postgres (embedded PGlite by default, the server named by
 * DATABASE_URL when set), real sockets on 127.0.0.1. Files run in parallel, each on its own
 * random board and user ids; PGlite is opened once per file (about 0.6 GB each), so the pool
 * is capped to keep memory in bounds on a 2-core CI machine.
 */
export default defineConfig({
  root: process.cwd(),
  test: {
    include: ['src/**/*.integration.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: [new URL('./vitest-global-setup.ts', import.meta.url).pathname],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default', new URL('./vitest-summary-reporter.ts', import.meta.url).pathname],
  },
});
