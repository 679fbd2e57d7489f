import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { createBoard, getBoard } from '../boards.ts';
import { appendUpdates, compactBoardLog, loadBoardLog } from '../board-log.ts';
import { MIGRATIONS } from '../migrations/index.ts';

// PGlite-only regardless of DATABASE_URL: this checks the embedded driver's files on disk.
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pairboard-db-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('PGlite with a dataDir', () => {
  it('creates a missing dataDir and keeps boards, updates and snapshots across close and reopen', async () => {
    const dataDir = join(root, 'nested', 'data');
    const snapshot = Uint8Array.of(0, 1, 2, 0, 255);

    const first = await openDatabase({ dataDir });
    expect(first.driver).toBe('pglite');
    const board = await createBoard(first, {
      id: 'persisted',
      name: 'Persisted board',
    });
    await appendUpdates(
      first,
      board.id,
      [1, 2, 3].map((seq) => ({
        seq,
        bytes: Uint8Array.of(seq, 0),
        author: 'u',
      })),
    );
    await compactBoardLog(first, board.id, 1, snapshot);
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await getBoard(second, board.id)).toEqual(board);
      const log = await loadBoardLog(second, board.id);
      expect(log?.snapshot).toEqual({ uptoSeq: 1, bytes: snapshot });
      expect(log?.updates.map((u) => [u.seq, Array.from(u.bytes)])).toEqual([
        [2, [2, 0]],
        [3, [3, 0]],
      ]);
      // Reopening migrated again: still exactly one record per migration.
      const rows = await second.query<{ count: unknown }>('select count(*) as count from schema_migrations');
      expect(Number(rows[0]?.count)).toBe(MIGRATIONS.length);
    } finally {
      await second.close();
    }
  });
});
