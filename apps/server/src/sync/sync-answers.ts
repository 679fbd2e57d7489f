import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';
import { onDocChange } from './doc-changes.ts';
import { encodeSyncStep2 } from './sync-messages.ts';

/** `Y.encodeStateVector` of a doc that holds nothing: one byte, zero clients. */
const EMPTY_STATE_VECTOR_LENGTH = 1;
/** The cached frame is a second copy of the board: it is let go once joiners stop coming. */
const KEEP_WHOLE_MS = 3_000;
/**
 * Smaller boards are encoded for each joiner, as they cost microseconds to encode: keeping a copy
 * would only add memory to each of many small boards (issue 7's many-boards profile).
 */
export const KEEP_WHOLE_MIN_BYTES = 16 * 1024;

/**
 * Sync answers of one doc (SY13). A client with nothing, such as every joiner of a reconnect
 * storm, is owed the whole board: on a board of KEEP_WHOLE_MIN_BYTES or more that frame is encoded
 * once per document state and the same bytes go to every such client. Other clients get the
 * difference from their state vector.
 */
export class SyncAnswers {
  private readonly doc: Y.Doc;
  private readonly metrics: Metrics;
  /** Bumped on every doc change; the cached frame is valid for one version. */
  private version = 0;
  private whole: { version: number; frame: Uint8Array } | null = null;
  private release: NodeJS.Timeout | null = null;

  constructor(doc: Y.Doc, metrics: Metrics) {
    this.doc = doc;
    this.metrics = metrics;
    onDocChange(doc, () => {
      this.version += 1;
    });
  }

  /** The sync step 2 frame answering `stateVector`. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length !== EMPTY_STATE_VECTOR_LENGTH) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    if (this.whole?.version !== this.version) {
      this.metrics.fullStateEncodes.inc();
      const frame = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      if (frame.byteLength < KEEP_WHOLE_MIN_BYTES) return frame;
      this.whole = { version: this.version, frame };
    }
    this.release?.refresh();
    this.release ??= setTimeout(() => this.forget(), KEEP_WHOLE_MS).unref();
    return this.whole.frame;
  }

  /** Drops the cached frame (idle, or the room is going away). */
  forget(): void {
    if (this.release) clearTimeout(this.release);
    this.release = null;
    this.whole = null;
  }
}
