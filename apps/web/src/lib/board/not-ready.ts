import type { OpResult } from '@pairboard/sync-core';

export const NOT_READY_MESSAGE = 'the board has not loaded yet';

/** What a write returns before the first sync (the doc is still empty; see BoardConnection). */
export const NOT_READY: OpResult<never> = {
  ok: false,
  error: { code: 'invalid_state', message: NOT_READY_MESSAGE },
};
