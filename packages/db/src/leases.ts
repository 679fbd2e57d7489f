import type { Queryable } from './database.ts';
import { toDate, toSafeInteger, toText } from './values.ts';

/**
 * Named leases in `cluster_leases`: at most one holder (a server instance id) per name at a
 * time, for work that must run once across the cluster. Every time comparison uses the
 * database's clock (`now()`), so instances with skewed clocks agree on who holds a lease.
 *
 * A lease is live while `now() < expires_at`. A holder keeps it by calling `tryAcquireLease`
 * again before it expires; `releaseLease` expires it at once. Rows are never deleted, so
 * `fence` only ever grows: it goes up each time a new tenure starts (another holder takes
 * over, or the same holder comes back after its lease lapsed), and stays put on renewal.
 */

/** What `tryAcquireLease` returns: held by the caller, or who holds it instead. */
export type LeaseAttempt =
  { held: true; expiresAt: Date; fence: number } | { held: false; holder: string; expiresAt: Date };

/** A lease as stored. `live` is false once it expired or was released (by the db's clock). */
export interface LeaseRow {
  name: string;
  holder: string;
  acquiredAt: Date;
  expiresAt: Date;
  fence: number;
  live: boolean;
}

interface RawLeaseRow {
  name: unknown;
  holder: unknown;
  acquired_at: unknown;
  expires_at: unknown;
  fence: unknown;
  live: unknown;
}

/** Renewal by the holder of a live lease, as opposed to the start of a new tenure. */
const CONTINUES_TENURE = 'l.holder = excluded.holder and l.expires_at > now()';

const LEASE_COLUMNS = 'name, holder, acquired_at, expires_at, fence, expires_at > now() as live';

/**
 * Takes the lease `name` for `holder` for `ttlMs` (from the database's now), or renews it if
 * `holder` already has it. Succeeds when the lease is free, expired or already `holder`'s; one
 * statement, so of many instances racing for a free lease exactly one gets it.
 *
 * @example
 * const attempt = await tryAcquireLease(db, 'escalation', instanceId, 10_000);
 * if (attempt.held) runTimers(attempt.fence);
 */
export async function tryAcquireLease(
  q: Queryable,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<LeaseAttempt> {
  assertTtl(ttlMs);
  const rows = await q.query<RawLeaseRow>(
    `insert into cluster_leases as l (name, holder, acquired_at, expires_at, fence)
     values ($1, $2, now(), now() + make_interval(secs => $3::double precision / 1000), 1)
     on conflict (name) do update set
       holder = excluded.holder,
       expires_at = excluded.expires_at,
       acquired_at = case when ${CONTINUES_TENURE} then l.acquired_at else excluded.acquired_at end,
       fence = case when ${CONTINUES_TENURE} then l.fence else l.fence + 1 end
     where l.holder = excluded.holder or l.expires_at <= now()
     returning ${LEASE_COLUMNS}`,
    [name, holder, ttlMs],
  );
  const taken = rows[0];
  if (taken !== undefined) {
    const lease = toLeaseRow(taken);
    return { held: true, expiresAt: lease.expiresAt, fence: lease.fence };
  }
  // Someone else holds it. Read who, as a hint: it may change before the caller looks.
  const current = await readLease(q, name);
  if (current === null) throw new Error(`lease ${name} was neither acquired nor found`);
  return { held: false, holder: current.holder, expiresAt: current.expiresAt };
}

/**
 * Gives the lease up at once if `holder` has it (graceful shutdown), so another instance can
 * take over without waiting for it to expire. True if it was `holder`'s and live.
 */
export async function releaseLease(q: Queryable, name: string, holder: string): Promise<boolean> {
  const rows = await q.query<{ name: unknown }>(
    `update cluster_leases set expires_at = now()
      where name = $1 and holder = $2 and expires_at > now() returning name`,
    [name, holder],
  );
  return rows.length > 0;
}

/** The lease `name` as stored (live or not), or null if it was never taken. */
export async function readLease(q: Queryable, name: string): Promise<LeaseRow | null> {
  const rows = await q.query<RawLeaseRow>(`select ${LEASE_COLUMNS} from cluster_leases where name = $1`, [
    name,
  ]);
  const row = rows[0];
  return row === undefined ? null : toLeaseRow(row);
}

function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
  }
}

function toLeaseRow(row: RawLeaseRow): LeaseRow {
  if (typeof row.live !== 'boolean') throw new TypeError(`cluster_leases.live must be a boolean`);
  return {
    name: toText(row.name, 'cluster_leases.name'),
    holder: toText(row.holder, 'cluster_leases.holder'),
    acquiredAt: toDate(row.acquired_at, 'cluster_leases.acquired_at'),
    expiresAt: toDate(row.expires_at, 'cluster_leases.expires_at'),
    fence: toSafeInteger(row.fence, 'cluster_leases.fence'),
    live: row.live,
  };
}
