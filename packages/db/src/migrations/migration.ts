/**
 * One schema change. `version` orders migrations and is the key recorded in
 * `schema_migrations`; never renumber or edit a shipped migration, add a new one instead.
 * Statements run one by one (PGlite's `query` takes a single statement) inside one transaction.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
