import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { applyMigrations, migrate } from './migrate.ts';
import type { MigrationPlan } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { createBoard, getBoard } from './boards.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

const url = process.env.DATABASE_URL;
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url });
});
afterAll(async () => {
  await db.close();
});

/** A plan on throwaway tables, so tests can migrate from scratch on a shared server. */
function throwawayPlan(extra: MigrationPlan['migrations'] = []): MigrationPlan & { counter: string } {
  const suffix = crypto.randomUUID().replaceAll('-', '');
  const counter = `test_counter_${suffix}`;
  return {
    table: `test_migrations_${suffix}`,
    counter,
    migrations: [
      {
        version: 1,
        name: 'counter',
        statements: [`create table ${counter} (n integer not null)`],
      },
      {
        version: 2,
        name: 'row',
        statements: [`insert into ${counter} (n) values (1)`],
      },
      ...extra,
    ],
  };
}

async function dropPlanTables(plan: { table: string; counter: string }): Promise<void> {
  await db.query(`drop table if exists ${plan.table}`);
  await db.query(`drop table if exists ${plan.counter}`);
}

describe('openDatabase', () => {
  it('uses the server driver when a url is given and PGlite otherwise', () => {
    expect(db.driver).toBe(url ? 'postgres' : 'pglite');
  });

  it('answers ping', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });

  it('returns the database migrated, every migration recorded once', async () => {
    const rows = await db.query<{ version: unknown }>(
      'select version from schema_migrations order by version',
    );
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

describe('migrate', () => {
  it('is idempotent: running it twice more applies nothing', async () => {
    await migrate(db);
    await migrate(db);
    const rows = await db.query<{ count: unknown }>('select count(*) as count from schema_migrations');
    expect(Number(rows[0]?.count)).toBe(MIGRATIONS.length);
  });

  it('applies each migration once when two runs start at once', async () => {
    const plan = throwawayPlan();
    try {
      // Open the pool's connections first, so on the server both runs start at once on two
      // connections (a run on a fresh connection would otherwise start after the first
      // finished). The advisory lock makes the second wait and then find everything applied.
      await Promise.all([1, 2, 3].map(() => db.query('select 1')));
      await Promise.all([applyMigrations(db, plan), applyMigrations(db, plan)]);
      await applyMigrations(db, plan);
      const counted = await db.query<{ count: unknown }>(`select count(*) as count from ${plan.counter}`);
      expect(Number(counted[0]?.count)).toBe(1);
      const recorded = await db.query<{ version: unknown; name: unknown }>(
        `select version, name from ${plan.table} order by version`,
      );
      expect(recorded.map((row) => [Number(row.version), row.name])).toEqual([
        [1, 'counter'],
        [2, 'row'],
      ]);
    } finally {
      await dropPlanTables(plan);
    }
  });

  it('rolls back every pending migration when one fails', async () => {
    const plan = throwawayPlan([
      {
        version: 3,
        name: 'broken',
        statements: ['select * from no_such_table'],
      },
    ]);
    try {
      await expect(applyMigrations(db, plan)).rejects.toThrow(/no_such_table/);
      const tables = await db.query<{ name: unknown }>(
        'select table_name as name from information_schema.tables where table_name in ($1, $2)',
        [plan.table, plan.counter],
      );
      expect(tables).toEqual([]);
    } finally {
      await dropPlanTables(plan);
    }
  });

  it('refuses migrations that are not in increasing version order', async () => {
    const plan: MigrationPlan = {
      table: 'never_created',
      migrations: [
        { version: 2, name: 'b', statements: [] },
        { version: 1, name: 'a', statements: [] },
      ],
    };
    await expect(applyMigrations(db, plan)).rejects.toThrow(/increasing versions, got 1 after 2/);
  });
});

describe('transaction', () => {
  it('commits when the callback resolves and returns its value', async () => {
    const id = randomTestId('board');
    const result = await db.transaction(async (tx) => {
      await createBoard(tx, { id, name: 'committed' });
      return 42;
    });
    expect(result).toBe(42);
    expect((await getBoard(db, id))?.name).toBe('committed');
  });

  it('rolls back when the callback throws, and rethrows the error', async () => {
    const id = randomTestId('board');
    const failure = new Error('abort on purpose');
    await expect(
      db.transaction(async (tx) => {
        await createBoard(tx, { id, name: 'rolled back' });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await getBoard(db, id)).toBeNull();
  });

  it('keeps concurrent plain queries out of an open transaction', async () => {
    const id = randomTestId('board');
    const inside = db.transaction(async (tx) => {
      await createBoard(tx, { id, name: 'inside' });
      await tx.query('select 1');
      throw new Error('roll back');
    });
    // Issued while the transaction is open: must not see (or join) its uncommitted insert.
    const outside = getBoard(db, id);
    await expect(inside).rejects.toThrow('roll back');
    expect(await outside).toBeNull();
    expect(await getBoard(db, id)).toBeNull();
  });
});
