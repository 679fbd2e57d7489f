import type { Migration } from './migration.ts';

/**
 * Issue 6: leases that make cluster-wide work (escalation timers, compaction) run on one server
 * instance at a time. `expires_at` is always computed from the database's clock, never an
 * instance's, so instances with skewed clocks agree on who holds a lease. `fence` goes up each
 * time the lease changes hands (not on renewal): a fencing token a holder can attach to its
 * writes, so a write from a holder that has since lost the lease can be told apart.
 */
export const leases: Migration = {
  version: 5,
  name: 'leases',
  statements: [
    `create table cluster_leases (
       name text primary key,
       holder text not null,
       expires_at timestamptz not null,
       acquired_at timestamptz not null,
       fence bigint not null
     )`,
  ],
};
