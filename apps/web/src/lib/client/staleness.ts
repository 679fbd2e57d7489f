/**
 * When the client screen last heard from the server, and whether a viewer should be warned.
 *
 * The server pushes a view only when the board changes, so a quiet board sends nothing for
 * minutes and that is not "stale". What proves the figures are current is a live connection:
 * every view and every Socket.IO heartbeat (server ping, every 25 s by default) counts as
 * contact. Past `STALE_AFTER_MS` without any, the screen says the figures may be out of date.
 */
export const STALE_AFTER_MS = 60_000;

/** Whole seconds since the last contact when that is past the threshold, else null (fresh). */
export function staleSeconds(
  lastContactMs: number,
  nowMs: number,
  thresholdMs = STALE_AFTER_MS,
): number | null {
  const silentMs = nowMs - lastContactMs;
  return silentMs > thresholdMs ? Math.floor(silentMs / 1000) : null;
}
