import type * as Y from 'yjs';
import { BOARD_ROOTS } from '@pairboard/sync-core';
import { changedEntityIds, guestIdsFromCheckInLog, type TrackedKind } from './recent-changes.ts';

export type RemoteChangeListener = (kind: TrackedKind, ids: string[]) => void;

/**
 * Calls `onChange` with the items, incidents and guests each REMOTE transaction changed. Local
 * edits (my own taps) run as local transactions; updates from the server, another tab or a
 * stored copy are applied with `local === false`. `isLive()` lets the caller skip the initial
 * load (the whole board arriving is not "my partner just changed this"). Returns the unsubscribe.
 */
export function watchRemoteChanges(
  doc: Y.Doc,
  onChange: RemoteChangeListener,
  isLive: () => boolean = () => true,
): () => void {
  const entityRoots: Array<[Exclude<TrackedKind, 'guests'>, Y.Map<unknown>]> = [
    ['items', doc.getMap(BOARD_ROOTS.items)],
    ['incidents', doc.getMap(BOARD_ROOTS.incidents)],
  ];
  const stops = entityRoots.map(([kind, root]) => {
    const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.local || !isLive()) return;
      const ids = new Set<string>();
      for (const event of events) {
        const keys: Iterable<string> = event.target === root ? event.changes.keys.keys() : [];
        for (const id of changedEntityIds(event.path, keys)) ids.add(id);
      }
      if (ids.size > 0) onChange(kind, [...ids]);
    };
    root.observeDeep(handler);
    return () => root.unobserveDeep(handler);
  });
  const log = doc.getArray<unknown>(BOARD_ROOTS.checkInLog);
  const onLog = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local || !isLive()) return;
    const inserted: unknown[] = [];
    for (const change of event.changes.delta) {
      const values: unknown = change.insert;
      if (Array.isArray(values)) inserted.push(...(values as unknown[]));
    }
    const ids = guestIdsFromCheckInLog(inserted);
    if (ids.length > 0) onChange('guests', [...new Set(ids)]);
  };
  log.observe(onLog);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const stop of stops) stop();
    log.unobserve(onLog);
  };
}
