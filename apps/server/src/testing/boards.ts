import { api, signUp, type TestUser } from './users.ts';

export type { TestUser };

/** A board made through the real API: its owner, and an editor access token for sync clients. */
export interface TestBoard {
  id: string;
  owner: TestUser;
  /** An editor access token (`?token=`), what the tests' y-websocket clients connect with. */
  token: string;
}

/** Signs up an owner, creates a board, and makes an editor access token for sync clients. */
export async function createTestBoard(
  baseUrl: string,
  template: 'empty' | 'demo',
  name = 'SY1 board',
): Promise<TestBoard> {
  const owner = await signUp(baseUrl, '王经理');
  const created = await api(baseUrl, 'POST', '/api/boards', {
    body: { name, template },
    cookie: owner.cookie,
  });
  if (created.status !== 201)
    throw new Error(`creating a board failed: ${created.status} ${await created.text()}`);
  const { board } = (await created.json()) as { board: { id: string } };
  const token = await createAccessToken(baseUrl, board.id, owner, 'editor');
  return { id: board.id, owner, token };
}

export async function createAccessToken(
  baseUrl: string,
  boardId: string,
  owner: TestUser,
  role: 'editor' | 'observer',
): Promise<string> {
  const response = await api(baseUrl, 'POST', `/api/boards/${boardId}/tokens`, {
    body: { name: `test ${role}`, role },
    cookie: owner.cookie,
  });
  if (response.status !== 201)
    throw new Error(`creating a token failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: { secret: string } }).token.secret;
}

/** Signs up a new user and makes them a member through a real invite (create, then accept). */
export async function inviteMember(
  baseUrl: string,
  board: TestBoard,
  role: 'editor' | 'door' | 'observer',
  position: 'onsite' | 'remote' | null = null,
  name = '李强',
): Promise<TestUser> {
  const created = await api(baseUrl, 'POST', `/api/boards/${board.id}/invites`, {
    body: { role, position },
    cookie: board.owner.cookie,
  });
  if (created.status !== 201)
    throw new Error(`creating an invite failed: ${created.status} ${await created.text()}`);
  const { invite } = (await created.json()) as { invite: { token: string } };
  const user = await signUp(baseUrl, name);
  const accepted = await api(baseUrl, 'POST', `/api/invites/${invite.token}/accept`, { cookie: user.cookie });
  if (accepted.status !== 200)
    throw new Error(`accepting an invite failed: ${accepted.status} ${await accepted.text()}`);
  return user;
}
