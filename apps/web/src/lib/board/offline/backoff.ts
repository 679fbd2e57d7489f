/** The first retry waits up to this long; each further failure doubles the ceiling. */
export const RECONNECT_BASE_MS = 500;
/** No retry waits longer than this, however many attempts failed. */
export const RECONNECT_CAP_MS = 30_000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first retry): "full jitter",
 * a uniformly random delay in [0, min(cap, base · 2^attempt)).
 *
 * The stock y-websocket client waits 2^n · 100 ms exactly, so after a server restart every phone
 * on the venue Wi-Fi would knock at the same instant; spreading each wave over the whole window
 * keeps the restarted server's load flat (see the AWS architecture blog, "Exponential Backoff
 * And Jitter").
 *
 * @example
 * setTimeout(connect, reconnectDelayMs(failures, Math.random));
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number,
  { baseMs = RECONNECT_BASE_MS, capMs = RECONNECT_CAP_MS }: BackoffOptions = {},
): number {
  // 2^attempt overflows to Infinity long after the cap is reached, and min() handles Infinity.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
