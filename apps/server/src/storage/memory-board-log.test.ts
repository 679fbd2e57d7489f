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
