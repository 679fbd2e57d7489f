import { api, signUp, type TestUser } from './users.ts';
import { createAccessToken, createTestBoard, inviteMember, type TestBoard } from './boards.ts';

/** Everyone who can come near one board: each member role, a stranger, a client link and tokens. */
export interface BoardWorld {
  board: TestBoard;
  owner: TestUser;
  editor: TestUser;
  door: TestUser;
  observer: TestUser;
  /** Signed in, but not a member of this board. */
  stranger: TestUser;
  /** A client share link's token (no PIN). */
  clientLink: { id: string; token: string };
  observerToken: string;
}

export async function createBoardWorld(
  baseUrl: string,
  template: 'empty' | 'demo' = 'demo',
): Promise<BoardWorld> {
  const board = await createTestBoard(baseUrl, template, '2026 峰会');
  const editor = await inviteMember(baseUrl, board, 'editor', 'onsite', '王芳');
  const door = await inviteMember(baseUrl, board, 'door', null, '签到志愿者');
  const observer = await inviteMember(baseUrl, board, 'observer', null, '质检');
  const stranger = await signUp(baseUrl, '路人');
  const link = await api(baseUrl, 'POST', `/api/boards/${board.id}/share-links`, {
    body: { name: 'client' },
    cookie: board.owner.cookie,
  });
  if (link.status !== 201) throw new Error(`creating a share link failed: ${link.status}`);
  const { link: created } = (await link.json()) as { link: { id: string; token: string } };
  const observerToken = await createAccessToken(baseUrl, board.id, board.owner, 'observer');
  return { board, owner: board.owner, editor, door, observer, stranger, clientLink: created, observerToken };
}
