/**
 * A per-connection budget checked synchronously on every frame. Hand-written on purpose: the
 * rate-limiting libraries are asynchronous and keyed stores, which is a poor fit for a check in
 * the WebSocket message hot path of one socket.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;

  constructor(perSecond: number, burstSeconds = 2, now: () => number = Date.now) {
    this.capacity = perSecond * burstSeconds;
    this.tokens = this.capacity;
    this.refillPerMs = perSecond / 1000;
    this.now = now;
    this.lastRefillMs = now();
  }

  /** Takes `cost` tokens if there are enough; false means the budget is spent. */
  take(cost = 1): boolean {
    const nowMs = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.lastRefillMs) * this.refillPerMs);
    this.lastRefillMs = nowMs;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
