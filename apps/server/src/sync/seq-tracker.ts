/**
 * Which seqs of a document's log a room's doc holds, and which seq its next update takes (SY14).
 * Alone, a room takes seqs one after another and holds them all. In a cluster, updates stored by
 * other instances arrive out of order for a moment, or not at all (a lost message), so the room
 * tracks `appliedThrough` (every seq up to it is in the doc) and the seqs it holds above it.
 */
export class SeqTracker {
  private through: number;
  /** Seqs held above `through`; made only while there is a gap (an idle board holds none). */
  private ahead: Set<number> | null = null;
  private next: number;

  /** `lastSeq`: the highest seq in the log the doc was loaded from (0 for an empty log). */
  constructor(lastSeq: number) {
    this.through = lastSeq;
    this.next = lastSeq + 1;
  }

  /** Every seq up to this one is in the doc: the room may compact up to it, and reads after it. */
  get appliedThrough(): number {
    return this.through;
  }

  /** True while the doc holds seqs above a missing one: the gap must be filled from storage. */
  get hasGap(): boolean {
    return this.ahead !== null;
  }

  has(seq: number): boolean {
    return seq <= this.through || (this.ahead?.has(seq) ?? false);
  }

  /** The seq for the next update this room stores. */
  take(): number {
    return this.next++;
  }

  /** Records that the doc holds `seq`; the next seq taken is above it. */
  applied(seq: number): void {
    this.next = Math.max(this.next, seq + 1);
    if (seq <= this.through) return;
    if (seq === this.through + 1 && !this.ahead) {
      this.through = seq;
      return;
    }
    (this.ahead ??= new Set()).add(seq);
    this.advance();
  }

  /** Records that the doc holds every seq up to `seq` (a snapshot was applied). */
  appliedUpTo(seq: number): void {
    this.next = Math.max(this.next, seq + 1);
    if (seq <= this.through) return;
    this.through = seq;
    for (const held of this.ahead ?? []) if (held <= seq) this.ahead?.delete(held);
    this.advance();
  }

  /**
   * After reading the stored log up to `lastStored`: seqs this room took but never stored (it
   * lost a race for them) are free again, so the next one taken follows the log without a hole.
   */
  caughtUp(lastStored: number): void {
    this.next = Math.max(this.through, lastStored) + 1;
  }

  private advance(): void {
    if (!this.ahead) return;
    while (this.ahead.delete(this.through + 1)) this.through += 1;
    if (this.ahead.size === 0) this.ahead = null;
  }
}
