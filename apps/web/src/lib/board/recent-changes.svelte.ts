import type * as Y from 'yjs';
import { RecentChanges, type TrackedKind } from './recent-changes.ts';
import { watchRemoteChanges } from './recent-changes-watch.ts';

/**
 * The partner's recent changes as rune state: rows ask `highlights.has('items', id)` and re-render
 * when a remote change arrives and again when its highlight ends.
 */
export class RemoteHighlights {
  readonly #recent = new RecentChanges();
  readonly #stop: () => void;
  /** Bumped on every mark and prune, so `has` re-runs for the rows that read it. */
  #version = $state(0);
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Y.Doc, isLive: () => boolean) {
    this.#stop = watchRemoteChanges(
      doc,
      (kind, ids) => {
        this.#recent.mark(kind, ids, Date.now());
        this.#version += 1;
        this.#schedulePrune();
      },
      isLive,
    );
  }

  has(kind: TrackedKind, id: string): boolean {
    void this.#version;
    return this.#recent.has(kind, id, Date.now());
  }

  destroy(): void {
    this.#stop();
    clearTimeout(this.#timer);
  }

  #schedulePrune(): void {
    clearTimeout(this.#timer);
    const next = this.#recent.nextExpiryMs();
    if (next === null) return;
    this.#timer = setTimeout(
      () => {
        if (this.#recent.prune(Date.now())) this.#version += 1;
        this.#schedulePrune();
      },
      Math.max(0, next - Date.now()),
    );
  }
}
