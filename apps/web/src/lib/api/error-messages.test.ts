import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { apiErrorMessage } from './error-messages.ts';

const apiError = (status: number, code: string, extra: { retryAfterSeconds?: number } = {}) =>
  new ApiError({ status, code, message: `${code} message`, ...extra });

describe('apiErrorMessage', () => {
  it('says how many seconds to wait after too many sign-in attempts', () => {
    expect(apiErrorMessage(apiError(429, 'rate_limited', { retryAfterSeconds: 41.2 }), 'signin')).toEqual({
      key: 'errors.rateLimited',
      params: { seconds: 42 },
    });
    expect(apiErrorMessage(apiError(429, 'rate_limited'), 'signup')).toEqual({
      key: 'errors.rateLimitedSoon',
    });
  });

  it('reads a 401 on sign-in as wrong credentials, elsewhere as signed out', () => {
    expect(apiErrorMessage(apiError(401, 'invalid_credentials'), 'signin').key).toBe('auth.badCredentials');
    expect(apiErrorMessage(apiError(401, 'unauthorized')).key).toBe('errors.signedOut');
  });

  it('tells someone signing up with a known email to sign in', () => {
    expect(apiErrorMessage(apiError(409, 'email_taken'), 'signup').key).toBe('auth.emailTaken');
  });

  it('shows the server message of a validation error', () => {
    expect(apiErrorMessage(apiError(400, 'bad_request'), 'signup')).toEqual({
      key: 'errors.invalidInput',
      params: { detail: 'bad_request message' },
    });
  });

  it('names the owner and role rules', () => {
    expect(apiErrorMessage(apiError(409, 'last_owner')).key).toBe('errors.lastOwner');
    expect(apiErrorMessage(apiError(403, 'forbidden')).key).toBe('errors.forbidden');
    expect(apiErrorMessage(apiError(403, 'csrf_rejected')).key).toBe('errors.csrf');
  });

  it('separates an unreachable server from anything else', () => {
    expect(apiErrorMessage(apiError(0, 'network_error')).key).toBe('errors.network');
    expect(apiErrorMessage(apiError(500, 'internal')).key).toBe('errors.generic');
    expect(apiErrorMessage(new Error('boom')).key).toBe('errors.generic');
  });
});
