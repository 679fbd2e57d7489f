import { describe, expect, it } from 'vitest';
import {
  CLOSE_BOARD_NOT_FOUND,
  CLOSE_BOARD_RELOADED,
  CLOSE_FORBIDDEN,
  CLOSE_RATE_LIMITED,
  CLOSE_SHUTTING_DOWN,
  CLOSE_STORAGE_UNAVAILABLE,
  CLOSE_UNAUTHORIZED,
} from '@pairboard/board-schema';
import { isFinalClose } from './close-policy.ts';

describe('isFinalClose', () => {
  it('stops on signed out, no access and unknown board: the page decides what to show', () => {
    for (const code of [CLOSE_UNAUTHORIZED, CLOSE_FORBIDDEN, CLOSE_BOARD_NOT_FOUND]) {
      expect(isFinalClose(code)).toBe(true);
    }
  });

  it('retries with backoff on shutdown, reload, storage failure and rate limit', () => {
    for (const code of [
      CLOSE_SHUTTING_DOWN,
      CLOSE_BOARD_RELOADED,
      CLOSE_STORAGE_UNAVAILABLE,
      CLOSE_RATE_LIMITED,
    ]) {
      expect(isFinalClose(code)).toBe(false);
    }
  });

  it('retries on network drops and ordinary closes', () => {
    for (const code of [1000, 1001, 1006, 1011]) expect(isFinalClose(code)).toBe(false);
  });
});
