import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendUpdates, boardLogStats, loadBoardLog } from '../board-log.ts';
import { getClientViewSettings } from '../client-view-settings.ts';
import type { Database } from '../database.ts';
import { openPgliteDatabase } from '../drivers/pglite-driver.ts';
import { openPostgresDatabase } from '../drivers/postgres-driver.ts';
import { applyMigrations, migrate } from '../migrate.ts';
import { freshPgliteDataDir } from '../testing/index.ts';
import { initial } from './0001_initial.ts';

/**
 * Upgrading a database that already holds boards: it must start from schema version 1, so it
 * gets a database of its own (a scratch database on the server, an emptied PGlite copy here).
 */
const url = process.env.DATABASE_URL;
let admin: Database | undefined;
let db: Database;
let scratchName: string | undefined;

beforeAll(async () => {
  if (url) {
    admin = openPostgresDatabase(url, 1);
    scratchName = `pairboard_migration_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin.query(`create database ${scratchName}`);
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/${scratchName}`;
    db = openPostgresDatabase(scratchUrl.toString(), 2);
  } else {
    db = await openPgliteDatabase(freshPgliteDataDir());
    // The copied template may already be migrated: start from an empty schema.
    await db.query('drop schema public cascade');
    await db.query('create schema public');
  }
  await applyMigrations(db, { table: 'schema_migrations', migrations: [initial] });
});

afterAll(async () => {
  await db.close();
  if (admin && scratchName) {
    await admin.query(`drop database if exists ${scratchName}`);
    await admin.close();
  }
});

describe('migration 0002 on a database with boards', () => {
  it('keeps existing updates and snapshots as the main document and adds the new tables', async () => {
    await db.query(`insert into boards (id, name) values ('old-board', 'Made before accounts')`);
    await db.query(
      `insert into board_updates (board_id, seq, bytes) values ('old-board', 1, '\\x0102'), ('old-board', 2, '\\x03')`,
    );
    await db.query(
      `insert into board_snapshots (board_id, upto_seq, bytes) values ('old-board', 0, '\\x00')`,
    );

    await migrate(db);

    expect(await loadBoardLog(db, 'old-board')).toMatchObject({
      snapshot: { uptoSeq: 0, bytes: Uint8Array.of(0) },
      updates: [
        { seq: 1, bytes: Uint8Array.of(1, 2) },
        { seq: 2, bytes: Uint8Array.of(3) },
      ],
    });
    expect(await loadBoardLog(db, 'old-board', 'contacts')).toEqual({ snapshot: null, updates: [] });
    await appendUpdates(db, 'old-board', [{ seq: 1, bytes: Uint8Array.of(9), author: null }], 'contacts');
    expect((await boardLogStats(db, 'old-board', 'contacts')).updateCount).toBe(1);
    expect(await getClientViewSettings(db, 'old-board')).toEqual({
      progress: true,
      attendance: true,
      incidents: true,
      updates: true,
    });

    const tables = await db.query<{ name: unknown }>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() order by table_name`,
    );
    // Later migrations add more tables; these are the ones 0001 and 0002 must leave.
    expect(tables.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'access_tokens',
        'audit_log',
        'board_invites',
        'board_members',
        'board_snapshots',
        'board_updates',
        'boards',
        'schema_migrations',
        'sessions',
        'share_links',
        'users',
      ]),
    );
  });
});
