import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendUpdates, loadBoardLog, openDatabase } from '@pairboard/db';
import { createScratchDatabase, freshPgliteDataDir } from '@pairboard/db/testing';
import { raiseIncident, readIncidents } from '@pairboard/sync-core';
import { createTestBoard } from '../testing/boards.ts';
import { spawnServer, type ServerProcess } from '../testing/spawn-server.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';

const dataDirs: string[] = [];
const scratchDatabases: Array<{ drop(): Promise<void> }> = [];
/**
 * Storage of its own: the start-up scan reads every recently changed board, and the shared
 * Postgres test database holds every other test's boards.
 */
async function freshStorageEnv(): Promise<Record<string, string | undefined>> {
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    scratchDatabases.push(scratch);
    return { DATABASE_URL: scratch.url };
  }
  const dataDir = freshPgliteDataDir('pairboard-escalation-');
  dataDirs.push(dataDir);
  return { DATA_DIR: dataDir, DATABASE_URL: undefined };
}
afterAll(async () => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  for (const scratch of scratchDatabases) await scratch.drop();
});

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function scanned(server: ServerProcess): Promise<void> {
  return waitUntil(() => server.output.join('').includes('escalation start-up scan done'), {
    timeoutMs: 20_000,
    message: 'the start-up scan finished',
  });
}

/*
 * The incident is written into the stored board while no server runs, raised 61 minutes ago at
 * yellow (target 60): its target passes with the server down, as after a crash at the venue.
 */
async function storeOverdueIncident(
  storage: Record<string, string | undefined>,
  boardId: string,
): Promise<string> {
  const db = await openDatabase({ url: storage.DATABASE_URL, dataDir: storage.DATA_DIR });
  try {
    const log = await loadBoardLog(db, boardId);
    if (!log) throw new Error('board not stored');
    const doc = new Y.Doc();
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot.bytes);
    for (const update of log.updates) Y.applyUpdate(doc, update.bytes);
    const lastSeq = Math.max(log.snapshot?.uptoSeq ?? 0, ...log.updates.map((u) => u.seq));
    const before = Y.encodeStateVector(doc);
    const raisedAt = new Date(Date.now() - 61 * 60_000);
    const raised = raiseIncident(
      doc,
      { title: '场地冲突', level: 'yellow' },
      { id: 'u-1', name: '王芳' },
      raisedAt,
    );
    if (!raised.ok) throw new Error(raised.error.message);
    const bytes = Y.encodeStateAsUpdate(doc, before);
    await appendUpdates(db, boardId, [{ seq: lastSeq + 1, bytes, author: null }]);
    doc.destroy();
    return raised.value;
  } finally {
    await db.close();
  }
}

describe('escalation survives a restart', () => {
  it('escalates once after a restart an incident whose target passed while the server was down', async () => {
    const storage = await freshStorageEnv();
    const first = await spawnServer(storage);
    const board = await createTestBoard(first.url, 'empty');
    await stop(first);
    const incidentId = await storeOverdueIncident(storage, board.id);

    const second = await spawnServer(storage);
    try {
      await scanned(second);
      const client = await connectProvider(second.syncUrl, board.id, board);
      const escalated = () =>
        readIncidents(client.doc)
          .find((incident) => incident.id === incidentId)
          ?.timeline.filter((entry) => entry.kind === 'escalated') ?? [];
      await waitUntil(() => escalated().length === 1, { message: 'the restarted server escalated it' });
      client.destroy();
    } finally {
      await stop(second);
    }

    // A third start finds the stored entry and does not escalate again.
    const third = await spawnServer(storage);
    try {
      await scanned(third);
      const client = await connectProvider(third.syncUrl, board.id, board);
      await waitUntil(() => readIncidents(client.doc).length === 1);
      const entries = readIncidents(client.doc)[0]?.timeline.map((entry) => entry.kind);
      expect(entries).toEqual(['raised', 'escalated']);
      expect(third.output.join('')).not.toContain('incident escalated');
      client.destroy();
    } finally {
      await stop(third);
    }
  });
});
