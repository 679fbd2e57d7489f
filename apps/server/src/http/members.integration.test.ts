import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createTestBoard, inviteMember } from '../testing/boards.ts';
import { api } from '../testing/users.ts';

describe('members, roles and audit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps at least one owner, records every membership change in the audit log', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const path = `/api/boards/${board.id}/members`;
    const demote = await api(t.url, 'PATCH', `${path}/${board.owner.id}`, {
      body: { role: 'editor' },
      cookie: board.owner.cookie,
    });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { code: string } }).error.code).toBe('last_owner');
    const partner = await inviteMember(t.url, board, 'editor', 'remote', '李强');
    expect(
      (
        await api(t.url, 'PATCH', `${path}/${partner.id}`, {
          body: { role: 'owner' },
          cookie: board.owner.cookie,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(t.url, 'PATCH', `${path}/${board.owner.id}`, {
          body: { role: 'observer' },
          cookie: board.owner.cookie,
        })
      ).status,
    ).toBe(200);
    // The former owner is an observer now and may no longer manage the board.
    expect(
      (await api(t.url, 'GET', `/api/boards/${board.id}/audit`, { cookie: board.owner.cookie })).status,
    ).toBe(403);
    const audit = await api(t.url, 'GET', `/api/boards/${board.id}/audit`, { cookie: partner.cookie });
    const { entries } = (await audit.json()) as {
      entries: { action: string; actor: { name: string } | null }[];
    };
    expect(entries.map((e) => e.action)).toEqual([
      'member.role_changed',
      'member.role_changed',
      'member.added',
      'invite.accepted',
      'invite.created',
      'token.created',
      'member.added',
    ]);
    expect(entries[0]?.actor?.name).toBe('王经理');
  });

  it('shows emails to owners only, and refuses bad roles with a clear message', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const door = await inviteMember(t.url, board, 'door', null, '志愿者');
    const asOwner = (await (
      await api(t.url, 'GET', `/api/boards/${board.id}/members`, { cookie: board.owner.cookie })
    ).json()) as {
      members: { email?: string }[];
    };
    expect(asOwner.members.every((m) => typeof m.email === 'string')).toBe(true);
    const asDoor = (await (
      await api(t.url, 'GET', `/api/boards/${board.id}/members`, { cookie: door.cookie })
    ).json()) as {
      members: { email?: string }[];
    };
    expect(asDoor.members.some((m) => 'email' in m)).toBe(false);
    const bad = await api(t.url, 'PATCH', `/api/boards/${board.id}/members/${door.id}`, {
      body: { role: 'admin' },
      cookie: board.owner.cookie,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'owner, editor, door or observer',
    );
  });
});
