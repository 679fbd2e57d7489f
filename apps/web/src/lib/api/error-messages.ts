import { ApiError } from '../errors.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';

/** A translatable message: what `i18n.t(key, params)` shows. */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * What to tell a person about a failed API call, in words they can act on. Sign-in and sign-up
 * read some statuses differently (a 401 on sign-in is a wrong password, not a lost session).
 */
export function apiErrorMessage(
  error: unknown,
  context: 'signin' | 'signup' | 'other' = 'other',
): MessageRef {
  if (!(error instanceof ApiError)) return { key: 'errors.generic' };
  if (error.code === 'rate_limited' || error.status === 429) {
    return error.retryAfterSeconds === undefined
      ? { key: 'errors.rateLimitedSoon' }
      : { key: 'errors.rateLimited', params: { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds)) } };
  }
  if (error.status === 0) return { key: 'errors.network' };
  if (context === 'signin' && (error.code === 'invalid_credentials' || error.status === 401)) {
    return { key: 'auth.badCredentials' };
  }
  if (error.code === 'email_taken') return { key: 'auth.emailTaken' };
  if (error.code === 'last_owner') return { key: 'errors.lastOwner' };
  if (error.status === 400) return { key: 'errors.invalidInput', params: { detail: error.message } };
  if (error.status === 401) return { key: 'errors.signedOut' };
  if (error.code === 'csrf_rejected') return { key: 'errors.csrf' };
  if (error.status === 403) return { key: 'errors.forbidden' };
  if (error.status === 404) return { key: 'errors.notFound' };
  if (error.status === 409) return { key: 'errors.conflict', params: { detail: error.message } };
  return { key: 'errors.generic' };
}
