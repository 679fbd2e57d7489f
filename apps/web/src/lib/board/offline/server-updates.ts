import * as Y from 'yjs';

/** A Yjs 'update' listener: y-websocket's sender, y-indexeddb's store. */
export type UpdateListener = (update: Uint8Array, origin: unknown) => void;

export interface ServerUpdateListeners {
  /** The doc's 'update' listeners, detached while the server's update is applied. */
  readonly detach: readonly UpdateListener[];
  /** Keeps an update in the local copy (y-indexeddb's store), or null without one. */
  readonly store: UpdateListener | null;
}

/** A transaction that changed the doc: Yjs emits 'update' for exactly these. */
function changedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

const parksUpdates = (doc: Y.Doc): boolean =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/**
 * Applies `update`, which came from the server, without Yjs encoding it a second time: `apply`
 * runs the provider's own handling of the message, in transactions of `origin`.
 *
 * Yjs encodes each transaction again for its 'update' event as soon as anything listens to it.
 * An update from the server needs no such copy: y-websocket sends nothing back for its own
 * origin, and the local copy can store the bytes as they arrived. On the first sync of a
 * 10,000-guest board that second encoding took about a third of the time spent applying the
 * board (issue 7).
 *
 * What the listeners would have been given otherwise is handed to them in the rare cases where
 * the bytes as received are not it:
 * - a transaction of another origin ran meanwhile (an observer writing in reaction to the
 *   server's change): everything since the start goes to every listener, so no local change
 *   goes unsent or unstored;
 * - Yjs parked part of an update whose predecessors are missing, or integrated parked parts:
 *   the local copy stores what the doc holds beyond its state before, parked parts included.
 */
export function applyServerUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  listeners: ServerUpdateListeners,
  apply: () => void,
): void {
  const before = Y.encodeStateVector(doc);
  const parkedBefore = parksUpdates(doc);
  let foreign = false;
  let changed = false;
  const watch = (transaction: Y.Transaction): void => {
    if (transaction.origin !== origin) foreign = true;
    else if (changedDoc(transaction)) changed = true;
  };
  for (const listener of listeners.detach) doc.off('update', listener);
  doc.on('afterTransaction', watch);
  try {
    apply();
  } finally {
    doc.off('afterTransaction', watch);
    for (const listener of listeners.detach) doc.on('update', listener);
  }
  if (foreign) {
    const missed = Y.encodeStateAsUpdate(doc, before);
    for (const listener of listeners.detach) listener(missed, null);
  } else if (parkedBefore || parksUpdates(doc)) {
    listeners.store?.(Y.encodeStateAsUpdate(doc, before), origin);
  } else if (changed) {
    listeners.store?.(update, origin);
  }
}
