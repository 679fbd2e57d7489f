import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardLogStats, loadBoardLog, openDatabase } from '@pairboard/db';
import { addGuest, readBoard } from '@pairboard/sync-core';
import { CLOSE_SHUTTING_DOWN } from '@pairboard/board-schema';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';
import { createTestBoard } from '../testing/boards.ts';
import { freshPgliteDataDir } from '@pairboard/db/testing';

const dataDirs: string[] = [];
function freshStorageEnv(): Record<string, string | undefined> {
  if (process.env.DATABASE_URL) return { DATABASE_URL: process.env.DATABASE_URL };
  const dataDir = freshPgliteDataDir('pairboard-kill-');
  dataDirs.push(dataDir);
  return { DATA_DIR: dataDir, DATABASE_URL: undefined };
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('nothing is lost (SY4)', () => {
  it('keeps an update a second client received, after kill -9, though its author never returns', async () => {
    const storage = freshStorageEnv();
    const first = await spawnServer({ ...storage, COMPACT_AFTER_UPDATES: '5' });
    const board = await createTestBoard(first.url, 'empty');
    const boardId = board.id;
    const author = await connectProvider(first.syncUrl, boardId, board);
    const witness = await connectProvider(first.syncUrl, boardId, board);
    for (let i = 0; i < 7; i++) addGuest(author.doc, { name: `现场嘉宾 ${i}`, walkIn: true });
    addGuest(author.doc, { name: '最后一位嘉宾', walkIn: true });
    await waitUntil(() => readBoard(witness.doc).guests.some((g) => g.name === '最后一位嘉宾'), {
      message: 'the witness received the last update',
    });
    const seen = readBoard(witness.doc);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Neither client may resend: the author is gone for good, the witness too.
    author.destroy();
    witness.destroy();

    const second = await spawnServer(storage);
    try {
      const fresh = await connectProvider(second.syncUrl, boardId, board);
      expect(readBoard(fresh.doc)).toEqual(seen);
      fresh.destroy();
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});

describe('graceful shutdown (SY9)', () => {
  it('on SIGTERM closes clients with 4001, snapshots every loaded board and exits 0', async () => {
    const storage = freshStorageEnv();
    const server = await spawnServer(storage);
    const board = await createTestBoard(server.url, 'empty');
    const boardId = board.id;
    const client = await connectProvider(server.syncUrl, boardId, board);
    const witness = await connectProvider(server.syncUrl, boardId, board);
    const closeCodes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    for (let i = 0; i < 20; i++) addGuest(client.doc, { name: `关机前嘉宾 ${i}`, walkIn: true });
    await waitUntil(() => readBoard(witness.doc).guests.length === 20, {
      message: 'the server has every update',
    });
    const expected = readBoard(client.doc);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBeNull();
    expect(server.child.exitCode).toBe(0);
    expect(server.output.join('')).toContain('stopped cleanly');
    client.destroy();
    witness.destroy();
    expect(closeCodes).toContain(CLOSE_SHUTTING_DOWN);

    // The shutdown folded the whole log into a snapshot.
    const db = await openDatabase({ url: storage.DATABASE_URL, dataDir: storage.DATA_DIR });
    try {
      expect((await boardLogStats(db, boardId)).updateCount).toBe(0);
    } finally {
      await db.close();
    }
    const again = await spawnServer(storage);
    try {
      const fresh = await connectProvider(again.syncUrl, boardId, board);
      expect(readBoard(fresh.doc)).toEqual(expected);
      fresh.destroy();
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});

describe('compaction (SY8)', () => {
  let t: TestServer | null = null;
  afterAll(async () => {
    await t?.close();
  });

  it('loads snapshot plus tail to a byte-identical document, before and after a restart', async () => {
    const storage = freshStorageEnv();
    t = await startTestServer({ compactAfterUpdates: 5, dataDir: storage.DATA_DIR });
    const board = await createTestBoard(t.url, 'empty');
    const boardId = board.id;
    const client = await connectProvider(t.syncUrl, boardId, board);
    for (let i = 0; i < 13; i++) addGuest(client.doc, { name: `嘉宾 ${i}`, walkIn: true });
    await waitUntil(
      async () => {
        const log = await loadBoardLog(t!.server.db, boardId);
        return log?.snapshot !== null && (log?.snapshot?.uptoSeq ?? 0) >= 10;
      },
      { message: 'a snapshot was written' },
    );
    await waitUntil(() => readBoard(client.doc).guests.length === 13);
    const room = t.server.rooms.peek(boardId)!;
    await room.flush();
    const log = (await loadBoardLog(t.server.db, boardId))!;
    expect(log.updates.every((u) => u.seq > log.snapshot!.uptoSeq)).toBe(true);
    const before = Y.encodeStateAsUpdate(room.doc);

    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, log.snapshot!.bytes);
    for (const update of log.updates) Y.applyUpdate(rebuilt, update.bytes);
    expect(Buffer.from(Y.encodeStateAsUpdate(rebuilt)).equals(Buffer.from(before))).toBe(true);
    rebuilt.destroy();

    client.destroy();
    const config = t.config;
    await t.close();
    t = await startTestServer({ dataDir: config.dataDir });
    const reloaded = (await t.server.rooms.acquire(boardId))!;
    expect(Buffer.from(Y.encodeStateAsUpdate(reloaded.doc)).equals(Buffer.from(before))).toBe(true);
    expect((await boardLogStats(t.server.db, boardId)).updateCount).toBe(0);
  });

  it('unloads an idle board from memory after writing its snapshot', async () => {
    const server = await startTestServer({ boardIdleUnloadMs: 50 });
    try {
      const board = await createTestBoard(server.url, 'empty');
      const boardId = board.id;
      const client = await connectProvider(server.syncUrl, boardId, board);
      addGuest(client.doc, { name: '空闲测试', walkIn: true });
      await waitUntil(async () => (await boardLogStats(server.server.db, boardId)).updateCount === 2);
      expect(server.server.rooms.peek(boardId)).toBeDefined();
      client.destroy();
      await waitUntil(() => server.server.rooms.peek(boardId) === undefined, { message: 'board unloaded' });
      await waitUntil(async () => (await boardLogStats(server.server.db, boardId)).updateCount === 0, {
        message: 'snapshot replaced the log on unload',
      });
      const again = await connectProvider(server.syncUrl, boardId, board);
      expect(readBoard(again.doc).guests.map((g) => g.name)).toContain('空闲测试');
      again.destroy();
    } finally {
      await server.close();
    }
  });
});
