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

/**
 * The constraint an integrity error names, if any: postgres.js puts it on `constraint_name`,
 * PGlite on `constraint`. Lets a repository tell "unknown board" from "unknown user" when one
 * insert has two foreign keys.
 */
export function constraintOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const key of ['constraint_name', 'constraint']) {
    const value: unknown = (error as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
