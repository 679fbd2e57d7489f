import type * as Y from 'yjs';

/**
 * Calls `onChange(origin)` once per transaction that changed any of `roots`, local or remote.
 * `observeDeep` fires once per root per transaction and one operation may touch several roots,
 * so the handler remembers the last transaction it reported. Returns the unsubscribe function.
 */
export function observeTransactions(
  roots: ReadonlyArray<Y.Map<unknown> | Y.Array<unknown>>,
  onChange: (origin: unknown) => void,
): () => void {
  let lastTransaction: Y.Transaction | null = null;
  const handler = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction === lastTransaction) return;
    lastTransaction = transaction;
    onChange(transaction.origin);
  };
  for (const root of roots) root.observeDeep(handler);
  return () => {
    for (const root of roots) root.unobserveDeep(handler);
  };
}
