import { describe, expect, it } from 'vitest';
import { decodeDocMessage, encodeRemoteAwareness, encodeRemoteUpdate } from './cluster-messages.ts';

describe('cluster doc messages', () => {
  it('round-trip an update with its seq and an awareness update', () => {
    const update = Uint8Array.of(1, 2, 3);
    expect(decodeDocMessage(encodeRemoteUpdate(70_000, update))).toEqual({
      kind: 'update',
      seq: 70_000,
      update,
    });
    expect(decodeDocMessage(encodeRemoteAwareness(update))).toEqual({ kind: 'awareness', update });
  });

  it('decode garbage and unknown kinds to null instead of throwing', () => {
    expect(decodeDocMessage(new Uint8Array())).toBeNull();
    expect(decodeDocMessage(Uint8Array.of(9, 1))).toBeNull();
    expect(decodeDocMessage(encodeRemoteUpdate(3, Uint8Array.of(1, 2)).slice(0, 3))).toBeNull();
  });
});
