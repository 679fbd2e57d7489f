/**
 * The Postgres server the integration tests run on (DATABASE_URL), or null on embedded PGlite.
 * Tests with several server processes, or a proxy in front of the database, need the server:
 * they `describe.skipIf(postgresServerUrl === null)` and are reported as skipped on PGlite.
 */
export const postgresServerUrl: string | null = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
  ? (process.env.DATABASE_URL ?? null)
  : null;
