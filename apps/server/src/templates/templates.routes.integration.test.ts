import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGuest, addItem, raiseIncident, readBoard } from '@pairboard/sync-core';
import type { Board } from '@pairboard/board-schema';
import { createTestBoard, inviteMember, createAccessToken, type TestUser } from '../testing/boards.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { api, signUp } from '../testing/users.ts';
import { waitUntil } from '../testing/wait-for.ts';

describe('HTTP API: templates', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  async function createBoard(user: TestUser, body: Record<string, unknown>): Promise<string> {
    const response = await api(t.url, 'POST', '/api/boards', { body, cookie: user.cookie });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { board: { id: string } }).board.id;
  }

  /** The board as a sync client sees it, read through an editor token of its owner. */
  async function boardOf(boardId: string, owner: TestUser): Promise<Board> {
    const token = await createAccessToken(t.url, boardId, owner, 'editor');
    const client = await connectProvider(t.syncUrl, boardId, { token });
    try {
      return readBoard(client.doc);
    } finally {
      client.destroy();
    }
  }

  it('lists the four scenarios with names and descriptions in both languages', async () => {
    const user = await signUp(t.url);
    const response = await api(t.url, 'GET', '/api/templates', { cookie: user.cookie });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      scenarios: Array<{ id: string; choice: string; name: Record<string, string>; sectionCount: number }>;
      templates: unknown[];
    };
    expect(body.scenarios.map((s) => s.choice)).toEqual([
      'daily-operations',
      'onsite-event',
      'client-training',
      'cross-region',
    ]);
    expect(body.scenarios[1]).toMatchObject({
      name: { 'zh-CN': '现场活动与接待', en: 'On-site event and reception' },
      sectionCount: 5,
    });
    expect(body.templates).toEqual([]);
    expect((await api(t.url, 'GET', '/api/templates')).status).toBe(401);
  });

  it('creates a board from a scenario in the board language, due times counted from the given start', async () => {
    const owner = await signUp(t.url);
    const boardId = await createBoard(owner, {
      name: 'Launch night',
      template: 'onsite-event',
      language: 'en',
      startsAt: '2026-05-20T01:00:00.000Z',
      timezone: 'Asia/Shanghai',
    });
    const board = await boardOf(boardId, owner);
    expect(board.meta).toMatchObject({ language: 'en', startsAt: '2026-05-20T01:00:00.000Z' });
    expect(board.sections.map((s) => s.title)).toEqual([
      '1. Needs diagnosis and targets',
      '2. Team forming and training',
      '3. SOP and templates in place',
      '4. On-site execution with live records',
      '5. Review and improvement',
    ]);
    const setUp = board.items.find((item) => item.title === '[On-site] Finish the set-up and rehearse');
    expect(setUp?.dueAt).toBe('2026-05-19T22:00:00.000Z');
  });

  it('writes Chinese by default and refuses an unknown template, saying what is allowed', async () => {
    const owner = await signUp(t.url);
    const boardId = await createBoard(owner, { name: '年度培训', template: 'client-training' });
    expect((await boardOf(boardId, owner)).sections[0]?.title).toBe('1. 需求诊断与目标');
    const refused = await api(t.url, 'POST', '/api/boards', {
      body: { name: 'x', template: 'party', timezone: 'Mars/Base' },
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toContain('template must be one of empty, demo, daily-operations');
    expect(error.message).toContain('timezone must be an IANA zone');
  });

  it('saves a board as a template without people, guests or incidents, and creates a board from it', async () => {
    const owner = await signUp(t.url);
    const boardId = await createBoard(owner, { name: '年会', template: 'onsite-event' });
    const token = await createAccessToken(t.url, boardId, owner, 'editor');
    const editor = await connectProvider(t.syncUrl, boardId, { token });
    const before = readBoard(editor.doc);
    const sectionId = before.sections[0]?.id ?? '';
    addItem(editor.doc, { sectionId, title: '确认抽奖礼品' });
    addGuest(editor.doc, { name: '张三', company: 'ACME' });
    raiseIncident(
      editor.doc,
      { title: '投影仪故障', level: 'blue' },
      { id: owner.id, name: owner.name },
      new Date(),
    );
    // The save reads the server's copy: wait until the server has the edits (a second client sees them).
    const watcher = await connectProvider(t.syncUrl, boardId, { token });
    await waitUntil(() => readBoard(watcher.doc).items.some((item) => item.title === '确认抽奖礼品'));
    editor.destroy();
    watcher.destroy();

    const saved = await api(t.url, 'POST', '/api/templates', {
      body: { boardId, name: '我们的年会模板', description: '年会专用' },
      cookie: owner.cookie,
    });
    expect(saved.status).toBe(201);
    const { template } = (await saved.json()) as {
      template: { id: string; choice: string; language: string };
    };
    expect(template).toMatchObject({ choice: `org:${template.id}`, language: 'zh-CN' });

    const listed = (await (await api(t.url, 'GET', '/api/templates', { cookie: owner.cookie })).json()) as {
      templates: Array<{ id: string; name: string; itemCount: number }>;
    };
    expect(listed.templates).toEqual([
      expect.objectContaining({
        id: template.id,
        name: '我们的年会模板',
        itemCount: before.items.length + 1,
      }),
    ]);
    const stored = await api(t.url, 'GET', `/api/templates/${template.id}`, { cookie: owner.cookie });
    expect(JSON.stringify(await stored.json())).not.toMatch(/张三|ACME|投影仪|王经理/);

    const copyId = await createBoard(owner, { name: '明年年会', template: template.choice });
    const copy = await boardOf(copyId, owner);
    expect(copy.sections.map((s) => s.title)).toEqual(before.sections.map((s) => s.title));
    expect(copy.items.map((i) => i.title)).toContain('确认抽奖礼品');
    expect(copy.guests).toEqual([]);
    expect(copy.incidents).toEqual([]);
  });

  it('lets only owners save, and only the saver see or use a template', async () => {
    const board = await createTestBoard(t.url, 'empty', 'Roadshow');
    const editor = await inviteMember(t.url, board, 'editor', 'remote');
    const stranger = await signUp(t.url);
    const save = (user: TestUser) =>
      api(t.url, 'POST', '/api/templates', { body: { boardId: board.id, name: 'T' }, cookie: user.cookie });
    expect((await save(editor)).status).toBe(403);
    expect((await save(stranger)).status).toBe(404);
    const saved = await save(board.owner);
    expect(saved.status).toBe(201);
    const { template } = (await saved.json()) as { template: { id: string } };

    expect(
      (await api(t.url, 'GET', `/api/templates/${template.id}`, { cookie: stranger.cookie })).status,
    ).toBe(404);
    const used = await api(t.url, 'POST', '/api/boards', {
      body: { name: 'copy', template: `org:${template.id}` },
      cookie: stranger.cookie,
    });
    expect(used.status).toBe(404);
    expect(
      (await api(t.url, 'DELETE', `/api/templates/${template.id}`, { cookie: stranger.cookie })).status,
    ).toBe(404);
    expect(
      (await api(t.url, 'DELETE', `/api/templates/${template.id}`, { cookie: board.owner.cookie })).status,
    ).toBe(204);
    expect(
      (await api(t.url, 'GET', `/api/templates/${template.id}`, { cookie: board.owner.cookie })).status,
    ).toBe(404);
  });
});
