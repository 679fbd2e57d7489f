import { reconnectDelayMs, type BackoffOptions } from './backoff.ts';

export interface ReconnectorOptions extends BackoffOptions {
  /** Draws the jitter; tests pass a seeded one. */
  random?: () => number;
}

/**
 * Decides when to try a document's connection again: each failure waits a jittered, doubling
 * delay (`reconnectDelayMs`), a connection that synced starts the count over, and at most one
 * attempt is ever waiting.
 */
export class Reconnector {
  readonly #connect: () => void;
  readonly #random: () => number;
  readonly #backoff: BackoffOptions;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(connect: () => void, { random = Math.random, ...backoff }: ReconnectorOptions = {}) {
    this.#connect = connect;
    this.#random = random;
    this.#backoff = backoff;
  }

  /** Failed attempts since the last connection that synced. */
  get failures(): number {
    return this.#failures;
  }

  get waiting(): boolean {
    return this.#timer !== null;
  }

  /** A connection attempt failed or dropped: try again after the next delay. Returns that delay. */
  retry(): number {
    const delayMs = reconnectDelayMs(this.#failures, this.#random, this.#backoff);
    this.#failures += 1;
    this.#wait(delayMs);
    return delayMs;
  }

  /**
   * Connect soon, after a jitter within the first step only: used when the network comes back, when
   * every phone in the hall would otherwise reconnect in the same millisecond.
   */
  soon(): number {
    this.#failures = 0;
    const delayMs = reconnectDelayMs(0, this.#random, this.#backoff);
    this.#wait(delayMs);
    return delayMs;
  }

  /** The connection synced: the next failure waits the shortest delay again. */
  succeeded(): void {
    this.#failures = 0;
  }

  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #wait(delayMs: number): void {
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#connect();
    }, delayMs);
  }
}
