import { releaseLease, tryAcquireLease, type Queryable } from '@pairboard/db';
import type { Logger } from '../logger.ts';

export interface LeaseKeeperOptions {
  db: Queryable;
  /** The lease, e.g. 'escalation'. */
  name: string;
  /** This instance's id, unique across the cluster. */
  holder: string;
  /** How long one acquisition or renewal lasts, by the database's clock. */
  ttlMs?: number;
  /** How often to try to acquire or renew. Defaults to a third of `ttlMs`. */
  renewEveryMs?: number;
  /**
   * How much sooner than the database this instance assumes its lease has run out, for clock
   * drift between the two and the time a renewal spends in flight. Defaults to a fifth of
   * `ttlMs`, at most one second.
   */
  safetyMarginMs?: number;
  logger: Logger;
  /** Called when this instance becomes the holder; start the work here. */
  onAcquired?: (fence: number) => void;
  /** Called when this instance stops being the holder (always after `onAcquired`); stop the work here. */
  onLost?: () => void;
  /** Monotonic milliseconds; tests may replace it. */
  now?: () => number;
}

const DEFAULT_TTL_MS = 10_000;

/**
 * Keeps trying to hold one cluster lease and tells its owner when it gains or loses it, so that
 * work such as escalation timers runs on one instance at a time and moves to another when the
 * holder stops or crashes.
 *
 * The keeper never trusts the database's expiry time against its own clock. It assumes its lease
 * ends `ttlMs - safetyMarginMs` after the START of the call that last acquired or renewed it,
 * measured on a monotonic clock, which is always before the database lets anyone else take it.
 * A failed renewal (database unreachable) keeps the lease until that estimate runs out, then
 * `onLost` fires and the keeper keeps trying. `isHeld()` checks the estimate itself, so a
 * process that was paused (GC, a blocked event loop) past it does not act on a stale lease even
 * before any timer has fired.
 *
 * @example
 * const keeper = new LeaseKeeper({ db, name: 'escalation', holder: instanceId, logger,
 *   onAcquired: () => escalations.start(), onLost: () => escalations.stop() });
 * keeper.start();
 * // on shutdown:
 * await keeper.stop(); // calls onLost, then hands the lease over at once
 */
export class LeaseKeeper {
  readonly #db: Queryable;
  readonly #name: string;
  readonly #holder: string;
  readonly #ttlMs: number;
  readonly #renewEveryMs: number;
  readonly #validForMs: number;
  readonly #logger: Logger;
  readonly #onAcquired: (fence: number) => void;
  readonly #onLost: () => void;
  readonly #now: () => number;

  #running = false;
  #fence: number | null = null;
  #heldUntilMs = 0;
  #attempt: Promise<void> | null = null;
  #renewTimer: NodeJS.Timeout | undefined;
  #expiryTimer: NodeJS.Timeout | undefined;

  constructor(options: LeaseKeeperOptions) {
    this.#db = options.db;
    this.#name = options.name;
    this.#holder = options.holder;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#renewEveryMs = options.renewEveryMs ?? this.#ttlMs / 3;
    const marginMs = options.safetyMarginMs ?? Math.min(1000, this.#ttlMs / 5);
    this.#validForMs = this.#ttlMs - marginMs;
    if (!(this.#renewEveryMs > 0 && this.#renewEveryMs < this.#validForMs)) {
      throw new RangeError(
        `renewEveryMs must be above 0 and below ttlMs - safetyMarginMs (${this.#validForMs}), got ${this.#renewEveryMs}`,
      );
    }
    this.#logger = options.logger.child({ lease: this.#name, holder: this.#holder });
    this.#onAcquired = options.onAcquired ?? (() => {});
    this.#onLost = options.onLost ?? (() => {});
    this.#now = options.now ?? (() => performance.now());
  }

  /** True while this instance holds the lease by its own conservative estimate. */
  isHeld(): boolean {
    return this.#fence !== null && this.#now() < this.#heldUntilMs;
  }

  /** The fencing token of the current tenure, or null when not held. */
  get fence(): number | null {
    return this.isHeld() ? this.#fence : null;
  }

  /** When the lease runs out by this instance's estimate, on the `now` clock (0 when never held). */
  get heldUntilMs(): number {
    return this.#heldUntilMs;
  }

  /** Tries to acquire at once, then every `renewEveryMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#tick();
  }

  /** Stops trying; if held, calls `onLost` and then releases the lease so another instance takes over at once. */
  async stop(): Promise<void> {
    this.#halt();
    await this.#attempt;
    if (this.#fence !== null) this.#lose('stopped');
    // Released even when not announced as held: an attempt in flight at `stop` may have taken it.
    try {
      await releaseLease(this.#db, this.#name, this.#holder);
    } catch (error) {
      this.#logger.warn({ err: error }, 'lease release failed; it will expire instead');
    }
  }

  /**
   * Simulates a crash for tests: stops every timer and forgets the lease without releasing it or
   * calling back, as a killed process would, so others must wait for it to expire.
   */
  abandonForTest(): void {
    this.#halt();
    this.#fence = null;
  }

  #halt(): void {
    this.#running = false;
    clearTimeout(this.#renewTimer);
    clearTimeout(this.#expiryTimer);
  }

  #tick(): void {
    this.#attempt = this.#acquireOrRenew().finally(() => {
      this.#attempt = null;
      if (this.#running) this.#renewTimer = setTimeout(() => this.#tick(), this.#renewEveryMs);
    });
  }

  async #acquireOrRenew(): Promise<void> {
    const startedMs = this.#now();
    let attempt;
    try {
      attempt = await tryAcquireLease(this.#db, this.#name, this.#holder, this.#ttlMs);
    } catch (error) {
      // Not necessarily lost: the estimate from the last success still stands (see the expiry timer).
      if (this.#running) this.#logger.warn({ err: error }, 'lease acquire or renew failed');
      return;
    }
    if (!this.#running) return;
    if (!attempt.held) {
      if (this.#fence !== null) this.#lose(`held by ${attempt.holder}`);
      return;
    }
    // A new fence, or a renewal that came back after our estimate ran out, is a new tenure:
    // whatever we did under the old one must stop before the new one starts.
    if (this.#fence !== null && (attempt.fence !== this.#fence || !this.isHeld())) this.#lose('lapsed');
    this.#heldUntilMs = startedMs + this.#validForMs;
    this.#armExpiry();
    if (this.#fence === null) this.#gain(attempt.fence);
  }

  #armExpiry(): void {
    clearTimeout(this.#expiryTimer);
    const inMs = Math.max(0, this.#heldUntilMs - this.#now());
    this.#expiryTimer = setTimeout(() => {
      if (this.#fence === null) return;
      // Timers run on a millisecond clock and may fire a fraction early by `now`: check again later.
      if (this.isHeld()) this.#armExpiry();
      else this.#lose('not renewed in time');
    }, inMs);
  }

  #gain(fence: number): void {
    this.#fence = fence;
    this.#logger.info({ fence }, 'lease acquired');
    this.#call(() => this.#onAcquired(fence), 'onAcquired');
  }

  #lose(reason: string): void {
    const fence = this.#fence;
    this.#fence = null;
    clearTimeout(this.#expiryTimer);
    this.#logger.info({ fence, reason }, 'lease lost');
    this.#call(() => this.#onLost(), 'onLost');
  }

  #call(callback: () => void, which: string): void {
    try {
      callback();
    } catch (error) {
      this.#logger.error({ err: error }, `lease ${which} callback threw`);
    }
  }
}
