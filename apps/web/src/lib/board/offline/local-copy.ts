/**
 * Where a person's copy of a board's documents lives in this browser: one IndexedDB database per
 * person and document (`pairboard:<userId>:<docName>`), so two people sharing a phone never open
 * each other's copy, and signing out can delete exactly one person's data.
 *
 * Runs in the page and in the service worker (no `window`, no `localStorage`).
 */
const PREFIX = 'pairboard';

/** The IndexedDB name of `userId`'s copy of `docName` (`<boardId>` or `<boardId>~contacts`). */
export function localCopyName(userId: string, docName: string): string {
  return `${localCopyPrefix(userId)}${docName}`;
}

function localCopyPrefix(userId: string): string {
  return `${PREFIX}:${encodeURIComponent(userId)}:`;
}

/** True when the database `name` holds one of `userId`'s documents. */
export function isLocalCopyOf(userId: string, name: string): boolean {
  return name.startsWith(localCopyPrefix(userId));
}

/**
 * Deletes every local document copy of `userId` (on sign-out: guests' personal data must not stay
 * on a shared phone). Resolves with the names deleted. An open copy is closed by its owner when
 * asked (lib0 closes on `versionchange`), so the deletion does not wait for the page.
 */
export async function clearLocalCopies(userId: string, factory: IDBFactory = indexedDB): Promise<string[]> {
  const names = (await factory.databases())
    .map((database) => database.name)
    .filter((name): name is string => name !== undefined && isLocalCopyOf(userId, name));
  await Promise.all(names.map((name) => deleteDatabase(factory, name)));
  return names;
}

/** Deletes one document's local copy, e.g. the contacts of a board this person may no longer read. */
export function forgetLocalCopy(
  userId: string,
  docName: string,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  return deleteDatabase(factory, localCopyName(userId, docName));
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete the local copy ${name}`));
  });
}
