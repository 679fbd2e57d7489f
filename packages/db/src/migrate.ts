import type { Database, Queryable } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { toSafeInteger } from './values.ts';

/**
 * Key of the transaction-scoped advisory lock that serialises migrations across processes
 * (arbitrary, but fixed: every Pairboard process must use the same one).
 */
const MIGRATION_LOCK_KEY = 7_402_194_551;

/** Where applied versions are recorded, and which migrations exist: overridable for tests. */
export interface MigrationPlan {
  table: string;
  migrations: readonly Migration[];
}

const DEFAULT_PLAN: MigrationPlan = {
  table: 'schema_migrations',
  migrations: MIGRATIONS,
};

/**
 * Brings the schema up to date: applies every migration not yet recorded in
 * `schema_migrations`, in version order, in one transaction. Idempotent. On a server, two
 * processes starting at once queue on an advisory lock, so the second sees the first's work
 * and applies nothing; PGlite is one connection and serialises transactions by itself.
 */
export async function migrate(db: Database): Promise<void> {
  await applyMigrations(db, DEFAULT_PLAN);
}

/** `migrate` with an explicit plan. Internal: tests use it with throwaway tables. */
export async function applyMigrations(db: Database, plan: MigrationPlan): Promise<void> {
  assertOrdered(plan.migrations);
  await db.transaction(async (tx) => {
    if (db.driver === 'postgres') {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    await tx.query(
      `create table if not exists ${plan.table} (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
    const applied = await appliedVersions(tx, plan.table);
    // Versions recorded but unknown here were applied by newer code (a rolling deploy):
    // leave them be rather than refuse to start.
    for (const migration of plan.migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`insert into ${plan.table} (version, name) values ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
  });
}

async function appliedVersions(tx: Queryable, table: string): Promise<Set<number>> {
  const rows = await tx.query<{ version: unknown }>(`select version from ${table}`);
  return new Set(rows.map((row) => toSafeInteger(row.version, `${table}.version`)));
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous !== undefined && migration.version <= previous.version) {
      throw new Error(
        `migrations must have increasing versions, got ${migration.version} after ${previous.version}`,
      );
    }
  });
}
