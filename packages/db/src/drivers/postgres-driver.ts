import postgres from 'postgres';
import type { Database, Queryable } from '../database.ts';

const DEFAULT_MAX_CONNECTIONS = 10;

/**
 * A pool on a Postgres server through postgres.js. Connections open lazily, so an
 * unreachable server shows up on the first query (which `openDatabase` makes by migrating).
 */
export function openPostgresDatabase(url: string, max = DEFAULT_MAX_CONNECTIONS): Database {
  const sql = postgres(url, {
    max,
    prepare: true,
    // Migrations' `create … if not exists` raise NOTICEs that would otherwise go to stdout.
    onnotice: () => {},
    connection: { application_name: 'pairboard' },
  });

  const queryOn = (runner: postgres.Sql | postgres.TransactionSql): Queryable['query'] => {
    return async <Row>(text: string, params: readonly unknown[] = []) => {
      const rows = await runner.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      return Array.from(rows) as Row[];
    };
  };

  return {
    driver: 'postgres',
    query: queryOn(sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // `begin` types its result as UnwrapPromiseArray<T>; `fn` returns a single value, so
      // the result is T.
      const result = await sql.begin((tx) => fn({ query: queryOn(tx) }));
      return result as T;
    },
    async ping() {
      await sql.unsafe('select 1');
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
