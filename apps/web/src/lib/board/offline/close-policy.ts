import { CLOSE_RATE_LIMITED } from '@pairboard/board-schema';

/**
 * True when the server closed a document's socket for a reason a retry cannot fix: the 4400-4499
 * range mirrors HTTP 4xx (4401 signed out, 4403 no access, 4404 no such board, 4409, 4422…), and
 * the page decides what to do (sign in again, show "no access"). 4429 is the one exception: a
 * rate limit is lifted by waiting, so it is retried with backoff like 4001, 4002 and 4503 and any
 * network drop.
 */
export function isFinalClose(code: number): boolean {
  return code >= 4400 && code < 4500 && code !== CLOSE_RATE_LIMITED;
}
