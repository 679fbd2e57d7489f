import { Writable } from 'node:stream';
import { pino } from 'pino';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { createBoard, listActivity, type Database } from '@pairboard/db';
import { openTestDatabase, randomTestId } from '@pairboard/db/testing';
import { addGuest } from '@pairboard/sync-core';
import { ActivityRecorder } from './activity-recorder.ts';

function capturingLogger() {
  const lines: { msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) lines.push(JSON.parse(line) as { msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

/** A guest added on a client doc, applied to a server doc: the update and the doc after it. */
function guestUpdate(): { doc: Y.Doc; update: Uint8Array } {
  const client = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  client.on('update', (u: Uint8Array) => (update = u));
  addGuest(client, { name: 'Li Wei' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { doc, update };
}

const AT = new Date('2026-05-20T03:00:00.000Z');

describe('ActivityRecorder', () => {
  it('stores the rows of a durable batch for the main board, with the time of the commit', async () => {
    const db = await openTestDatabase({ url: process.env.DATABASE_URL });
    try {
      const boardId = (await createBoard(db, { id: randomTestId('board'), name: 'rec' })).id;
      const { logger } = capturingLogger();
      const recorder = new ActivityRecorder({ db, logger, now: () => AT });
      const { doc, update } = guestUpdate();
      recorder.record(`${boardId}~contacts`, doc, [{ seq: 7, update, authorId: 'u-1' }]);
      await recorder.flush();
      const rows = await listActivity(db, boardId);
      expect(rows).toMatchObject([
        { seq: 7, actorId: 'u-1', at: AT, action: 'guest.added', label: 'Li Wei' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('writes changes made close together with one statement, a moment later, without a flush', async () => {
    const db = await openTestDatabase({ url: process.env.DATABASE_URL });
    try {
      const boardId = (await createBoard(db, { id: randomTestId('board'), name: 'steady' })).id;
      let inserts = 0;
      const counting: Database = {
        ...db,
        query: (text, params) => {
          if (/insert into board_activity/i.test(text)) inserts += 1;
          return db.query(text, params);
        },
      };
      const recorder = new ActivityRecorder({
        db: counting,
        logger: capturingLogger().logger,
        now: () => AT,
      });
      for (const seq of [1, 2, 3]) {
        const { doc, update } = guestUpdate();
        recorder.record(boardId, doc, [{ seq, update, authorId: null }]);
      }
      await vi.waitFor(async () => expect(await listActivity(db, boardId)).toHaveLength(3), {
        timeout: 5_000,
        interval: 50,
      });
      expect(inserts).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('logs and drops rows it cannot store; recording never throws', async () => {
    const db = await openTestDatabase({ url: process.env.DATABASE_URL });
    await db.close();
    const { logger, lines } = capturingLogger();
    const recorder = new ActivityRecorder({ db, logger, now: () => AT });
    const { doc, update } = guestUpdate();
    expect(() => recorder.record('gone', doc, [{ seq: 1, update, authorId: null }])).not.toThrow();
    expect(() =>
      recorder.record('bad', doc, [{ seq: 2, update: new Uint8Array([255, 1]), authorId: null }]),
    ).not.toThrow();
    await recorder.flush();
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['could not store activity', 'could not derive activity']),
    );
  });
});
