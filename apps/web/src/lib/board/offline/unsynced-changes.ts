import * as Y from 'yjs';
import { z } from 'zod';

/** `[client, clock, length]`: a run of deleted Yjs ids. */
export type DeleteRange = readonly [client: number, clock: number, length: number];

/**
 * One local change (one local Yjs transaction: one tap, one form sent) that the server has not
 * confirmed as durable yet. A change is counted until a server answer proves the server stores it.
 */
export interface PendingChange {
  /** The Yjs client id that made it. A reload gives the doc a new id; older ones stay listed here. */
  readonly client: number;
  /** Its insertions are clocks [from, to) of `client`; from === to for a change that only deletes. */
  readonly from: number;
  readonly to: number;
  /** What a deletion-only change deleted. Absent otherwise: an update is stored whole, so a change's
   * deletions are durable exactly when its insertions are. */
  readonly deletes?: readonly DeleteRange[];
}

/**
 * The change a local transaction made, or null when it changed nothing or came from elsewhere
 * (the server, the local copy, another tab: those transactions are not `local`).
 */
export function changeFromTransaction(transaction: Y.Transaction): PendingChange | null {
  if (!transaction.local) return null;
  const client = transaction.doc.clientID;
  const from = transaction.beforeState.get(client) ?? 0;
  const to = transaction.afterState.get(client) ?? 0;
  if (to > from) return { client, from, to };
  const deletes: DeleteRange[] = [];
  for (const [deletedClient, items] of transaction.deleteSet.clients) {
    for (const item of items) deletes.push([deletedClient, item.clock, item.len]);
  }
  return deletes.length > 0 ? { client, from, to, deletes } : null;
}

/**
 * The state vector to send as a sync step 1 to learn what the server holds of our changes: the local
 * one, except that each client with pending changes claims only what is confirmed. The server's
 * sync step 2 answer then carries exactly the server's part of those changes (plus its delete set),
 * which `confirmByServerAnswer` reads. Everything below a client's oldest pending change is
 * confirmed, because changes are confirmed in clock order.
 */
export function probeStateVector(
  local: ReadonlyMap<number, number>,
  pending: readonly PendingChange[],
): Map<number, number> {
  const probe = new Map(local);
  for (const change of pending) {
    probe.set(change.client, Math.min(probe.get(change.client) ?? change.from, change.from));
  }
  return probe;
}

/**
 * The changes still pending after the server answered a sync step 1 with `answer` (its step 2).
 *
 * The server computes that answer only once every update it received before is durable (SY rules
 * in packages/sync-core/SPEC.md, "Durable before forwarded"), from its state vector against ours:
 * for a client of ours it holds structs up to clock N, the answer holds them up to N (the provider's
 * own step 1 claims all we have, so its answers hold none of ours and confirm nothing by clock).
 * The answer always carries the server's whole delete set, which confirms deletion-only changes.
 */
export function confirmByServerAnswer(
  pending: readonly PendingChange[],
  answer: Uint8Array,
): PendingChange[] {
  if (pending.length === 0) return [];
  const serverClock = Y.parseUpdateMeta(answer).to;
  const deletionOnly = pending.some((change) => change.deletes !== undefined);
  const serverDeletes = deletionOnly ? Y.decodeUpdate(answer).ds : null;
  return pending.filter((change) => {
    if (change.deletes !== undefined) {
      return serverDeletes === null || !change.deletes.every((range) => isCovered(serverDeletes, range));
    }
    return (serverClock.get(change.client) ?? 0) < change.to;
  });
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

function isCovered(ds: DeleteSet, [client, clock, length]: DeleteRange): boolean {
  const runs = [...(ds.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
  let next = clock;
  const end = clock + length;
  for (const run of runs) {
    if (run.clock > next) break;
    next = Math.max(next, run.clock + run.len);
    if (next >= end) return true;
  }
  return next >= end;
}

const Count = z.number().int().nonnegative();
const StoredPending = z.array(
  z.object({
    client: Count,
    from: Count,
    to: Count,
    deletes: z.array(z.tuple([Count, Count, Count])).optional(),
  }),
);

/** The pending list as stored next to the local copy, so a reload keeps counting it. */
export function encodePending(pending: readonly PendingChange[]): string {
  return JSON.stringify(pending);
}

/**
 * Reads what `encodePending` stored. Anything unreadable (an older or damaged record) counts as
 * nothing pending: only the count is lost, the changes themselves still sync, because the
 * provider sends the server whatever its state vector lacks.
 */
export function decodePending(stored: unknown): PendingChange[] {
  if (typeof stored !== 'string') return [];
  try {
    const parsed = StoredPending.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
