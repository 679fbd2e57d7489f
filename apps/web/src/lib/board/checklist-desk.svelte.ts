import { SvelteSet } from 'svelte/reactivity';
import { editTime } from '../clock.ts';
import type { ChecklistItem } from '@pairboard/board-schema';
import type { OpResult } from '@pairboard/sync-core';
import type { BoardConnection } from './board-connection.svelte.ts';
import { canVerify, isDone } from './board-view.ts';
import { applyBulkEdit, rangeBetween, type BulkEdit } from './checklist-bulk-edit.ts';
import { filterItems, toggled, type ItemFilter } from './checklist-filters.ts';
import { NOT_READY } from './not-ready.ts';
import { moveCursor } from './shortcuts.ts';

/** "Overdue" is measured against a clock that ticks this often: a minute late is late enough. */
const CLOCK_TICK_MS = 30_000;

const NO_FILTERS: ReadonlySet<ItemFilter> = Object.freeze(new Set<ItemFilter>());

/** Why `v` did nothing, for the panel to say so (not an error: the two-person rule at work). */
export type VerifyRefusal = 'none-selected' | 'own-work' | 'not-your-pair' | 'not-done';

/**
 * The checklist panel's desk state: active filters, the keyboard cursor (j/k), and the bulk
 * selection. Shared by the panel (which renders it) and the board screen (which turns keys
 * into calls here).
 */
export class ChecklistDesk {
  readonly #connection: BoardConnection;
  /** Replaced, never mutated (`toggled` returns a new set), so `$state.raw` is enough. */
  filters = $state.raw<ReadonlySet<ItemFilter>>(NO_FILTERS);
  cursorId = $state<string | null>(null);
  /** Bulk mode shows a selection box on every row and the bulk bar. */
  selecting = $state(false);
  readonly selected = new SvelteSet<string>();
  /** What the last shortcut did or why it did nothing, for a polite live region. */
  notice = $state('');
  #anchor: string | null = null;
  #nowMs = $state(Date.now());
  readonly #clock: ReturnType<typeof setInterval>;

  readonly result = $derived(
    filterItems(this.connection.board.items, this.filters, {
      actorId: this.connection.actor.id,
      pairs: this.connection.board.pairs,
      nowMs: this.#nowMs,
    }),
  );
  readonly visibleIds = $derived(this.result.items.map((item) => item.id));

  constructor(connection: BoardConnection) {
    this.#connection = connection;
    this.#clock = setInterval(() => (this.#nowMs = Date.now()), CLOCK_TICK_MS);
  }

  get connection(): BoardConnection {
    return this.#connection;
  }

  get nowMs(): number {
    return this.#nowMs;
  }

  toggleFilter(filter: ItemFilter): void {
    this.filters = toggled(this.filters, filter);
  }

  clearFilters(): void {
    this.filters = NO_FILTERS;
  }

  /** j / k: returns the item the cursor is on afterwards, for the caller to focus. */
  move(delta: 1 | -1): string | null {
    this.cursorId = moveCursor(this.visibleIds, this.cursorId, delta);
    return this.cursorId;
  }

  get cursorItem(): ChecklistItem | undefined {
    return this.cursorId === null ? undefined : this.result.items.find((item) => item.id === this.cursorId);
  }

  /** x: ticks the item under the cursor, or unticks it when it is done. */
  toggleCursor(): OpResult | null {
    const item = this.cursorItem;
    if (!item) return null;
    return this.#connection.setItemDone(item.id, !isDone(item));
  }

  /** v: verifies the item under the cursor when the two-person rule allows me to. */
  verifyCursor(): OpResult | VerifyRefusal {
    const item = this.cursorItem;
    if (!item) return 'none-selected';
    if (!isDone(item) || item.verifiedBy !== null) return 'not-done';
    const connection = this.#connection;
    if (!canVerify(item, connection.actor.id, connection.board, connection.boardOwner)) {
      return item.doneBy?.id === connection.actor.id ? 'own-work' : 'not-your-pair';
    }
    return this.#connection.verifyItem(item.id);
  }

  /** A selection box changed; with shift, everything between it and the last box changes too. */
  select(id: string, on: boolean, range: boolean): void {
    const ids = range ? rangeBetween(this.visibleIds, this.#anchor, id) : [id];
    for (const each of ids) {
      if (on) this.selected.add(each);
      else this.selected.delete(each);
    }
    this.#anchor = id;
  }

  selectAllShown(): void {
    for (const id of this.visibleIds) this.selected.add(id);
  }

  clearSelection(): void {
    this.selected.clear();
    this.#anchor = null;
  }

  setSelecting(on: boolean): void {
    this.selecting = on;
    if (!on) this.clearSelection();
  }

  /** Applies one edit to every selected item that still exists, in one transaction. */
  applyToSelected(edit: BulkEdit): OpResult<number> {
    if (!this.#connection.ready) return NOT_READY;
    const items = this.#connection.board.items;
    const ids = [...this.selected].filter((id) => items.some((item) => item.id === id));
    return applyBulkEdit(this.#connection.doc, ids, edit, this.#connection.actor, editTime());
  }

  destroy(): void {
    clearInterval(this.#clock);
  }
}
