import type * as Y from 'yjs';
import type { OpResult } from './result.ts';

/**
 * Runs one operation in one Yjs transaction, so its writes reach other replicas as one update
 * and observers fire once. Operations check everything before their first write, so a failed
 * result leaves the doc unchanged (and an empty transaction emits no update).
 */
export function runOp<T>(doc: Y.Doc, origin: unknown, fn: () => OpResult<T>): OpResult<T> {
  let result: OpResult<T> | undefined;
  doc.transact(() => {
    result = fn();
  }, origin);
  if (result === undefined) throw new Error('board operation returned no result');
  return result;
}
