/**
 * The time an edit is made, handed to a sync-core operation. Kept out of `.svelte.ts` modules,
 * where a `new Date()` reads like state the UI should observe; this one never is.
 */
export function editTime(): Date {
  return new Date();
}
