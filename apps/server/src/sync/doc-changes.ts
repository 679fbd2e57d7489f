import type * as Y from 'yjs';

/**
 * Calls `listener` after every transaction that changed `doc`, by the same test Yjs uses before
 * it emits 'update' (something deleted, or some client's clock moved). Unlike `doc.on('update')`,
 * it does not make Yjs encode every transaction as an update for the listener: in issue 7's
 * check-in rush profile that second encoding was about a tenth of the server's CPU.
 * The listener gets the transaction. Returns the function that stops listening.
 */
export function onDocChange(doc: Y.Doc, listener: (transaction: Y.Transaction) => void): () => void {
  const afterTransaction = (transaction: Y.Transaction): void => {
    if (changedSomething(transaction)) listener(transaction);
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

function changedSomething(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
