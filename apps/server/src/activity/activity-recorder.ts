import * as Y from 'yjs';
import { appendActivity, type Database, type NewActivityRow } from '@pairboard/db';
import type { Logger } from '../logger.ts';
import type { DurableUpdate } from '../sync/room.ts';
import { describeChanges } from './describe-changes.ts';
import { updateChanges, type AnyType } from './update-changes.ts';

const CONTACTS_SUFFIX = '~contacts';
const MAX_ROWS_PER_INSERT = 5000;
/**
 * How long derived rows wait for others before they are written. Steady editing (one writer, 20
 * changes a second) then costs a few statements a second instead of one per change: in issue 7's
 * fan-out profile one insert per change was a fifth of the server's CPU. The feed is read over
 * HTTP and nothing decides on it, so a quarter second later is not seen.
 */
export const ACTIVITY_WRITE_DELAY_MS = 250;

/**
 * Writes the activity feed. The room hands it every batch right after the append commits; rows
 * are derived at once (the doc is exactly the durable state then) and written in the
 * background. Activity must never block or fail an append: every error is logged and dropped.
 */
export class ActivityRecorder {
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #now: () => Date;
  /** Rows derived but not yet handed to the database; written together (group commit). */
  #queued: NewActivityRow[] = [];
  #writing: Promise<void> | null = null;
  #waiting: NodeJS.Timeout | null = null;

  constructor(options: { db: Database; logger: Logger; now: () => Date }) {
    this.#db = options.db;
    this.#logger = options.logger;
    this.#now = options.now;
  }

  /** Called by the room after a durable append; never throws. */
  record(docName: string, doc: Y.Doc, updates: readonly DurableUpdate[]): void {
    let rows: NewActivityRow[];
    try {
      rows = this.#derive(docName, doc, updates);
    } catch (error) {
      this.#logger.error({ boardId: docName, err: error }, 'could not derive activity');
      return;
    }
    if (rows.length === 0) return;
    this.#queued.push(...rows);
    if (!this.#writing) this.#waiting ??= setTimeout(() => this.#writeQueued(), ACTIVITY_WRITE_DELAY_MS);
  }

  /** Resolves when every row handed over so far is written, without waiting out the delay (tests, shutdown). */
  async flush(): Promise<void> {
    this.#writeQueued();
    while (this.#writing) await this.#writing;
  }

  /**
   * One insert at a time: rows that arrive while one is running go into the next. Under a rush
   * (hundreds of check-ins a second) that is a few statements instead of one per batch.
   */
  #writeQueued(): void {
    if (this.#waiting) clearTimeout(this.#waiting);
    this.#waiting = null;
    if (this.#writing || this.#queued.length === 0) return;
    // Ten bind parameters a row, and Postgres takes at most 65,535 per statement.
    const rows = this.#queued.splice(0, MAX_ROWS_PER_INSERT);
    this.#writing = appendActivity(this.#db, rows)
      .catch((error: unknown) => {
        this.#logger.error({ err: error, rows: rows.length }, 'could not store activity');
      })
      .finally(() => {
        this.#writing = null;
        this.#writeQueued();
      });
  }

  #derive(docName: string, doc: Y.Doc, updates: readonly DurableUpdate[]): NewActivityRow[] {
    const boardId = docName.endsWith(CONTACTS_SUFFIX) ? docName.slice(0, -CONTACTS_SUFFIX.length) : docName;
    const at = this.#now();
    const rows: NewActivityRow[] = [];
    for (const { seq, update, authorId } of updates) {
      const actorName = authorId === null ? null : personName(doc, authorId);
      for (const line of describeChanges(doc, updateChanges(doc, update))) {
        rows.push({ boardId, seq, actorId: authorId, actorName, at, ...line });
      }
    }
    return rows;
  }
}

/** The author's name on the board (people are keyed by user id); null when not listed. */
function personName(doc: Y.Doc, personId: string): string | null {
  const person = doc.share.get('people')?._map.get(personId);
  if (person === undefined || person.deleted) return null;
  const type: unknown = person.content.getContent()[0];
  if (!(type instanceof Y.AbstractType)) return null;
  const nameItem = (type as AnyType)._map.get('name');
  const name: unknown = nameItem && !nameItem.deleted ? nameItem.content.getContent()[0] : undefined;
  return typeof name === 'string' ? name : null;
}
