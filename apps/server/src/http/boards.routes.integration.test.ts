import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

describe('HTTP API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a board, lists it newest first and gets it by id', async () => {
    const created = await post('/api/boards', { name: '上海发布会' });
    expect(created.status).toBe(201);
    const { board } = (await created.json()) as { board: { id: string; name: string; createdAt: string } };
    expect(board.name).toBe('上海发布会');
    const list = (await (await fetch(`${t.url}/api/boards`)).json()) as { boards: { id: string }[] };
    expect(list.boards[0]?.id).toBe(board.id);
    const got = await fetch(`${t.url}/api/boards/${board.id}`);
    expect(got.status).toBe(200);
  });

  it('rejects a bad body with 400, says what is allowed and creates nothing', async () => {
    const before = ((await (await fetch(`${t.url}/api/boards`)).json()) as { boards: unknown[] }).boards
      .length;
    const response = await post('/api/boards', { name: '', template: 'party' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('name must not be empty');
    expect(body.error.issues.length).toBe(2);
    const after = ((await (await fetch(`${t.url}/api/boards`)).json()) as { boards: unknown[] }).boards
      .length;
    expect(after).toBe(before);
  });

  it('answers invalid JSON with 400, not 500', async () => {
    const response = await fetch(`${t.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('answers 404 board_not_found for an unknown id, and 400 for a malformed escape', async () => {
    for (const id of ['missing-board', 'has.dots.and.too-long'.repeat(5)]) {
      const response = await fetch(`${t.url}/api/boards/${id}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('board_not_found');
    }
    const malformed = await fetch(`${t.url}/api/boards/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('reports health, readiness with the database driver, and Prometheus metrics', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${t.url}/readyz`)).json()) as { status: string; database: string };
    expect(ready).toEqual({ status: 'ready', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    for (const name of [
      'pairboard_sync_connections',
      'pairboard_loaded_boards',
      'pairboard_update_apply_seconds',
      'pairboard_storage_write_seconds',
      'pairboard_storage_backlog',
      'pairboard_rejected_frames_total',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});
