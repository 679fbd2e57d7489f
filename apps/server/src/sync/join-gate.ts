import type { Metrics } from '../metrics.ts';

/**
 * Admission control for sync answers (SY13). After an instance dies, hundreds of clients join
 * the survivors at once, each owed the whole board. Answers are already encoded once per board
 * state (Room), so what is left to bound is how many large frames sit in socket buffers at
 * once: at most `concurrency` are being written; the rest wait their turn, first come first
 * served, and are never refused.
 */
export class JoinGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly metrics: Metrics;

  constructor(concurrency: number, metrics: Metrics) {
    this.concurrency = concurrency;
    this.metrics = metrics;
  }

  /** Runs `task` once a slot is free; the slot is held until the task settles. */
  async run(task: () => Promise<void>): Promise<void> {
    if (this.active >= this.concurrency) {
      this.metrics.joinQueue.inc();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.metrics.joinQueue.dec();
    } else {
      this.active += 1;
    }
    try {
      await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` stays as it is.
      if (next) next();
      else this.active -= 1;
    }
  }
}
