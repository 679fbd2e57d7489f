/*
 * One timer per open incident, keyed by board and incident. Timers only say "look again now":
 * the decision to escalate is always re-made from the stored document in the room pipeline, so
 * an early, late or duplicate fire cannot escalate twice or too soon.
 */

/** Node's setTimeout caps delays at 2^31 - 1 ms; a longer wait is re-armed when it fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface EscalationTimersOptions {
  now: () => Date;
  /** Called when a timer's due time has come. */
  onDue: (boardId: string, incidentId: string) => void;
}

/** Timers at each open incident's due time; rescheduling a key replaces its timer. */
export class EscalationTimers {
  private readonly timers = new Map<string, { dueMs: number; timer: NodeJS.Timeout }>();
  private readonly options: EscalationTimersOptions;

  constructor(options: EscalationTimersOptions) {
    this.options = options;
  }

  get size(): number {
    return this.timers.size;
  }

  /** Arms (or moves) the incident's timer to `dueAt`; a time already past fires on the next tick. */
  schedule(boardId: string, incidentId: string, dueAt: Date): void {
    const key = keyOf(boardId, incidentId);
    const dueMs = dueAt.getTime();
    if (this.timers.get(key)?.dueMs === dueMs) return;
    this.cancel(boardId, incidentId);
    const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, dueMs - this.options.now().getTime()));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (this.options.now().getTime() < dueMs) this.schedule(boardId, incidentId, dueAt);
      else this.options.onDue(boardId, incidentId);
    }, delayMs);
    // A pending escalation must not keep a stopping process alive: the next start derives it again.
    timer.unref();
    this.timers.set(key, { dueMs, timer });
  }

  cancel(boardId: string, incidentId: string): void {
    const key = keyOf(boardId, incidentId);
    const entry = this.timers.get(key);
    if (entry) clearTimeout(entry.timer);
    this.timers.delete(key);
  }

  /** Cancels every timer of a board whose incident is not in `keep`. */
  retain(boardId: string, keep: ReadonlySet<string>): void {
    const prefix = `${boardId}\u0000`;
    for (const key of [...this.timers.keys()]) {
      if (key.startsWith(prefix) && !keep.has(key.slice(prefix.length))) {
        this.cancel(boardId, key.slice(prefix.length));
      }
    }
  }

  clear(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

function keyOf(boardId: string, incidentId: string): string {
  return `${boardId}\u0000${incidentId}`;
}
