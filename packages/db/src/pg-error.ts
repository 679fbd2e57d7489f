/** SQLSTATE codes this package maps to typed errors (Postgres appendix A). */
export const SqlState = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
} as const;

/**
 * The SQLSTATE of a driver error, if it has one. Both postgres.js (`PostgresError`) and PGlite
 * (`DatabaseError`) put it on `code`; anything else (network errors use `code` too, e.g.
 * 'ECONNREFUSED') is ruled out by the five-character shape.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
