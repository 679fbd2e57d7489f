import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../api/http.ts';
import { loadBoardPage } from './load-board-page.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ME = { user: { id: 'u1', email: 'door@example.com', name: '签到志愿者' } };
const BOARD = { board: { id: 'b1', name: 'Gala', createdAt: '2026-05-20T00:00:00.000Z', role: 'door' } };

/**
 * A server whose answers the test releases by path: `/api/auth/me` only answers once the test
 * says so, which shows whether the board was asked for before that answer came.
 */
function slowServer(answers: Record<string, Response>) {
  const requested: string[] = [];
  const waiting = new Map<string, () => void>();
  const fetchFn: Fetch = (input) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    requested.push(path);
    return new Promise((resolve) => waiting.set(path, () => resolve(answers[path] ?? json({}, 404))));
  };
  const answer = (path: string) => waiting.get(path)?.();
  return { fetchFn, requested, answer };
}

const url = new URL('http://127.0.0.1/boards/b1');

describe('loadBoardPage', () => {
  it('asks for the board without waiting for the answer about who I am', async () => {
    const server = slowServer({ '/api/auth/me': json(ME), '/api/boards/b1': json(BOARD) });
    const loading = loadBoardPage('b1', server.fetchFn, url);
    expect(server.requested).toEqual(['/api/boards/b1', '/api/auth/me']);
    server.answer('/api/boards/b1');
    server.answer('/api/auth/me');
    await expect(loading).resolves.toMatchObject({ user: { id: 'u1' }, board: { id: 'b1', role: 'door' } });
  });

  it('sends a signed-out visitor to sign in, not to the board’s refusal', async () => {
    const refused = { error: { code: 'unauthorized', message: 'sign in first' } };
    const server = slowServer({ '/api/auth/me': json(refused, 401), '/api/boards/b1': json(refused, 401) });
    const loading = loadBoardPage('b1', server.fetchFn, url);
    server.answer('/api/boards/b1');
    server.answer('/api/auth/me');
    const outcome: unknown = await loading.catch((thrown: unknown) => thrown);
    expect(isRedirect(outcome) && outcome.location).toContain('/signin');
  });

  it('answers 404 for a board I am not a member of', async () => {
    const notFound = { error: { code: 'board_not_found', message: 'board not found' } };
    const server = slowServer({ '/api/auth/me': json(ME), '/api/boards/b1': json(notFound, 404) });
    const loading = loadBoardPage('b1', server.fetchFn, url);
    server.answer('/api/auth/me');
    server.answer('/api/boards/b1');
    const outcome: unknown = await loading.catch((thrown: unknown) => thrown);
    expect(isHttpError(outcome, 404)).toBe(true);
  });
});
