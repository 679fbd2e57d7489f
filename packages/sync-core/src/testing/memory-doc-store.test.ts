import { describe, expect, it } from 'vitest';
import { describeDocStoreContract } from './doc-store-contract.ts';
import { createMemoryDocStore } from './memory-doc-store.ts';

describeDocStoreContract('memory', () => {
  const store = createMemoryDocStore();
  return Promise.resolve({ store, createBoard: (id: string) => Promise.resolve(store.createBoard(id)) });
});

describe('createMemoryDocStore', () => {
  it('copies bytes in and out, so callers reusing buffers cannot change what was stored', async () => {
    const store = createMemoryDocStore();
    store.createBoard('b');
    const bytes = Uint8Array.of(0, 0);
    await store.append('b', [{ seq: 1, bytes, author: null }]);
    bytes[0] = 9;
    const loaded = await store.load('b');
    loaded?.updates[0]?.bytes.fill(7);
    expect((await store.load('b'))?.updates[0]?.bytes).toEqual(Uint8Array.of(0, 0));
  });
});
