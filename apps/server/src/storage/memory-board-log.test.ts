import { describe, expect, it } from 'vitest';
import { createMemoryDocStore, describeDocStoreContract } from '@pairboard/sync-core/testing';
import { createMemoryBoardLog } from './memory-board-log.ts';

// BOARD_LOG=memory keeps the DocStore contract (DS1-DS6) over whatever it first reads from.
describeDocStoreContract('memory board log (BOARD_LOG=memory)', () => {
  const stored = createMemoryDocStore();
  return Promise.resolve({
    store: createMemoryBoardLog(stored),
    createBoard: (id: string) => {
      stored.createBoard(id);
      return Promise.resolve();
    },
    teardown: () => Promise.resolve(),
  });
});

describe('memory board log', () => {
  it('keeps its own copy of each update, not a view into the buffer it was read from', async () => {
    const stored = createMemoryDocStore();
    stored.createBoard('b1');
    const log = createMemoryBoardLog(stored);
    // An update that arrived inside a larger socket read.
    const read = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
    const update = read.subarray(2, 5);
    await log.append('b1', [{ seq: 1, bytes: update, author: null }]);
    read.fill(0);
    const board = await log.load('b1');
    const kept = board?.updates.at(-1)?.bytes;
    expect(kept && [...kept]).toEqual([1, 2, 3]);
    expect(kept?.buffer.byteLength).toBe(3);
  });
});
