import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { api, signUp } from '../testing/users.ts';

describe('HTTP API: boards', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a board whose creator is owner, lists it newest first and gets it by id', async () => {
    const owner = await signUp(t.url, '王经理');
    const created = await api(t.url, 'POST', '/api/boards', {
      body: { name: '上海发布会' },
      cookie: owner.cookie,
    });
    expect(created.status).toBe(201);
    const { board } = (await created.json()) as { board: { id: string; name: string; role: string } };
    expect(board).toMatchObject({ name: '上海发布会', role: 'owner' });
    const list = (await (await api(t.url, 'GET', '/api/boards', { cookie: owner.cookie })).json()) as {
      boards: { id: string }[];
    };
    expect(list.boards[0]?.id).toBe(board.id);
    expect((await api(t.url, 'GET', `/api/boards/${board.id}`, { cookie: owner.cookie })).status).toBe(200);
  });

  it('shows a board only to its members: 404 for anyone else, 401 without a session', async () => {
    const owner = await signUp(t.url);
    const other = await signUp(t.url);
    const created = await api(t.url, 'POST', '/api/boards', {
      body: { name: '私密活动' },
      cookie: owner.cookie,
    });
    const { board } = (await created.json()) as { board: { id: string } };
    expect((await api(t.url, 'GET', `/api/boards/${board.id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await api(t.url, 'GET', `/api/boards/${board.id}`)).status).toBe(401);
    const list = (await (await api(t.url, 'GET', '/api/boards', { cookie: other.cookie })).json()) as {
      boards: unknown[];
    };
    expect(list.boards).toEqual([]);
  });

  it('rejects a bad body with 400, says what is allowed and creates nothing', async () => {
    const owner = await signUp(t.url);
    const response = await api(t.url, 'POST', '/api/boards', {
      body: { name: '', template: 'party' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('name must not be empty');
    expect(body.error.issues.length).toBe(2);
    const list = (await (await api(t.url, 'GET', '/api/boards', { cookie: owner.cookie })).json()) as {
      boards: unknown[];
    };
    expect(list.boards).toEqual([]);
  });

  it('answers invalid JSON with 400, not 500', async () => {
    const response = await fetch(`${t.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body: '{"email": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('answers 404 for an unknown id and 400 for a malformed escape', async () => {
    const owner = await signUp(t.url);
    const missing = await api(t.url, 'GET', '/api/boards/missing-board', { cookie: owner.cookie });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('board_not_found');
    const malformed = await api(t.url, 'GET', '/api/boards/%E0%A4%A', { cookie: owner.cookie });
    expect(malformed.status).toBe(400);
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
