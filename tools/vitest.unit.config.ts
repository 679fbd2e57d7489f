import { defineConfig } from 'vitest/config';

/** Unit tests: next to the code, no network, no database. Run from a workspace directory. */
export default defineConfig({
  root: process.cwd(),
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'src/**/*.integration.test.ts'],
    reporters: ['default', new URL('./vitest-summary-reporter.ts', import.meta.url).pathname],
  },
});
