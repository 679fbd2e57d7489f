import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { BoardSummary, readApiResponse, toApiError } from './boards.ts';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

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
});

describe('readApiResponse', () => {
  const Envelope = BoardSummary.pick({ id: true, name: true });

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
