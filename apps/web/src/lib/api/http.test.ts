import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { apiPath, readApiResponse, retryAfterFromHeader, toApiError } from './http.ts';

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const Envelope = z.object({ id: z.string(), name: z.string() });

describe('toApiError', () => {
  it('keeps the code, message and issues of an API error body', () => {
    const error = toApiError(400, {
      error: {
        code: 'bad_request',
        message: 'name must be 1 to 200 characters',
        issues: [{ path: ['name'] }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'name must be 1 to 200 characters',
    });
    expect(error.issues).toEqual([{ path: ['name'] }]);
  });

  it('keeps the request id of a server error', () => {
    expect(
      toApiError(500, { error: { code: 'internal', message: 'internal error', requestId: 'r-1' } }).requestId,
    ).toBe('r-1');
  });

  it('falls back to the status when the body is not an API error', () => {
    expect(toApiError(502, '<html>Bad gateway</html>')).toMatchObject({
      status: 502,
      code: 'internal',
      message: 'HTTP 502',
    });
    expect(toApiError(404, undefined)).toMatchObject({ status: 404, code: 'http_error' });
  });

  it('reads how long to wait from a 429 body', () => {
    const error = toApiError(429, {
      error: { code: 'rate_limited', message: 'too many attempts, try again in 42 s', retryAfterSeconds: 42 },
    });
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 42 });
  });

  it('reads how long to wait from Retry-After when the 429 body says nothing', () => {
    const error = toApiError(429, 'slow down', new Headers({ 'retry-after': '17' }));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 17 });
  });
});

describe('retryAfterFromHeader', () => {
  it('accepts whole seconds and ignores dates and garbage', () => {
    expect(retryAfterFromHeader(' 30 ')).toBe(30);
    expect(retryAfterFromHeader('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterFromHeader(null)).toBeUndefined();
  });
});

describe('apiPath', () => {
  it('encodes every segment, so an id cannot change the path', () => {
    expect(apiPath('boards', 'a/b?c', 'members')).toBe('/api/boards/a%2Fb%3Fc/members');
  });
});

describe('readApiResponse', () => {
  it('returns the parsed body of a successful response', async () => {
    await expect(readApiResponse(json({ id: 'b1', name: 'Expo' }, 200), Envelope)).resolves.toEqual({
      id: 'b1',
      name: 'Expo',
    });
  });

  it('throws the server error for a 404 board', async () => {
    const response = json({ error: { code: 'board_not_found', message: 'board b9 not found' } }, 404);
    await expect(readApiResponse(response, Envelope)).rejects.toMatchObject({
      status: 404,
      code: 'board_not_found',
    });
  });

  it('passes Retry-After on to the error of a 429', async () => {
    const response = json({ error: { code: 'rate_limited', message: 'too many attempts' } }, 429, {
      'retry-after': '9',
    });
    await expect(readApiResponse(response, Envelope)).rejects.toMatchObject({ retryAfterSeconds: 9 });
  });

  it('throws bad_response when a success body has the wrong shape', async () => {
    await expect(readApiResponse(json({ id: 42 }, 200), Envelope)).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('throws for a success response that is not JSON', async () => {
    await expect(readApiResponse(new Response('ok', { status: 200 }), Envelope)).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});
