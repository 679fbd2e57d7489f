/**
 * Which entities another client changed a moment ago, so the partner's edits can flash on this
 * screen. The Yjs side (`recent-changes.svelte.ts`) turns each remote transaction's deep events
 * into entity ids with `changedEntityIds`; `RecentChanges` remembers them for a short window.
 * Everything here is pure: time comes in as milliseconds.
 */

/** What a highlight can be on: checklist items, incidents, guests (via their check-ins). */
export type TrackedKind = 'items' | 'incidents' | 'guests';

/** How long a partner's change stays highlighted: long enough to notice, short enough not to nag. */
export const RECENT_CHANGE_WINDOW_MS = 4_000;

/**
 * The entity ids one deep event on an entity-map root touched. `path` is relative to the root:
 * empty when the root map itself changed (its changed keys are entity ids: added or removed
 * entities), else the entity id comes first (a field of it, or its timeline, changed).
 */
export function changedEntityIds(
  path: readonly (string | number)[],
  keysChanged: Iterable<string>,
): string[] {
  if (path.length === 0) return [...keysChanged];
  const [first] = path;
  return typeof first === 'string' ? [first] : [];
}

/**
 * The guests whose check-in state changed, from values appended to the check-in log. Entries a
 * foreign client wrote in another shape are skipped, as the reader skips them.
 */
export function guestIdsFromCheckInLog(inserted: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const value of inserted) {
    if (typeof value !== 'object' || value === null) continue;
    const { guestId } = value as Record<string, unknown>;
    if (typeof guestId === 'string' && guestId !== '') ids.push(guestId);
  }
  return ids;
}

/** Remembers when each entity last changed remotely and answers "still highlighted at `nowMs`?". */
export class RecentChanges {
  readonly windowMs: number;
  readonly #until = new Map<string, number>();

  constructor(windowMs: number = RECENT_CHANGE_WINDOW_MS) {
    this.windowMs = windowMs;
  }

  /** Highlights `ids` of `kind` from `nowMs` for one window (a new change restarts the window). */
  mark(kind: TrackedKind, ids: Iterable<string>, nowMs: number): void {
    for (const id of ids) this.#until.set(keyOf(kind, id), nowMs + this.windowMs);
  }

  has(kind: TrackedKind, id: string, nowMs: number): boolean {
    const until = this.#until.get(keyOf(kind, id));
    return until !== undefined && until > nowMs;
  }

  /** Forgets expired highlights; returns whether anything was removed. */
  prune(nowMs: number): boolean {
    let removed = false;
    for (const [key, until] of this.#until) {
      if (until <= nowMs) {
        this.#until.delete(key);
        removed = true;
      }
    }
    return removed;
  }

  /** When the next highlight ends, or null when nothing is highlighted: when to prune next. */
  nextExpiryMs(): number | null {
    let next: number | null = null;
    for (const until of this.#until.values()) if (next === null || until < next) next = until;
    return next;
  }

  get size(): number {
    return this.#until.size;
  }
}

function keyOf(kind: TrackedKind, id: string): string {
  return `${kind}:${id}`;
}
