/** Something that runs one SQL statement: a `Database`, or the `tx` inside a transaction. */
export interface Queryable {
  /**
   * Runs one statement with `$1`-style parameters and returns its rows. Column values come
   * back as each driver parses them (int8 may be a string or a number, bytea a Buffer or a
   * Uint8Array): repositories normalise them, so `Row` should type them loosely.
   */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection to Postgres, either embedded PGlite or a server via postgres.js. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Use only `tx` inside: on PGlite (one connection) a `db.query` issued from inside `fn`
   * waits for the transaction to end, which never happens.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A cheap round trip (`select 1`), for readiness checks. */
  ping(): Promise<void>;
  /** Ends the pool, or closes PGlite (flushing it to `dataDir`). */
  close(): Promise<void>;
}

/** Options for `openDatabase`. */
export interface OpenDatabaseOptions {
  /** `postgres://…` URL: use that server through postgres.js. Unset: embedded PGlite. */
  url?: string;
  /** PGlite only: directory to persist in (created if missing). Unset: in memory. */
  dataDir?: string;
  /** postgres.js only: pool size. Defaults to 10. */
  max?: number;
}
