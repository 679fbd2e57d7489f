export { generateSessionToken, hashToken, generateSecret, SECRET_PREFIXES } from './tokens.ts';
export type { SecretPrefix } from './tokens.ts';
export {
  SESSION_DURATION_MS,
  SESSION_RENEW_WITHIN_MS,
  sessionExpiry,
  shouldRenewSession,
  isExpired,
} from './session.ts';
export { hashPassword, verifyPassword, hashPin, verifyPin } from './password.ts';
export { SESSION_COOKIE, sessionCookie, clearSessionCookie, readCookie } from './cookie.ts';
