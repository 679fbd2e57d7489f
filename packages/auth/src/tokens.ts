import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Random bearer secrets and the hashes the database stores in their place (Lucia's session
 * design): a database leak then yields no usable token, and a lookup by hash needs no
 * constant-time comparison because the attacker cannot choose what gets hashed into a match.
 */

/** What a secret is for, visible at a glance in logs and secret scanners. */
export type SecretPrefix = 'pbt_' | 'pbl_' | 'pbi_';

/** `pbt_` access token, `pbl_` client share link, `pbi_` staff invite. */
export const SECRET_PREFIXES = {
  accessToken: 'pbt_',
  shareLink: 'pbl_',
  invite: 'pbi_',
} as const satisfies Record<string, SecretPrefix>;

/** 160 bits, Lucia's minimum for a session token. */
const SESSION_TOKEN_BYTES = 20;
/** Long-lived secrets (tokens for integrations, links handed to clients) get 256 bits. */
const SECRET_BYTES = 32;

/**
 * A new session token for the `pb_session` cookie: 20 random bytes, base32 lowercase without
 * padding (32 characters). Store only `hashToken(token)` as the session id.
 */
export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(SESSION_TOKEN_BYTES));
}

/**
 * The SHA-256 of a token as lowercase hex (64 characters): the session id, and the
 * `token_hash` of invites, share links and access tokens.
 *
 * @example
 * const token = generateSessionToken();
 * await createSession(db, { id: hashToken(token), userId, expiresAt: sessionExpiry(now) });
 */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * A secret shown to its owner once: `prefix` + 32 random bytes in lowercase base32
 * (52 characters), e.g. `pbt_mfrggzdfmztwq2lknnwg23tpobyxe…`. Store `hashToken(secret)`.
 */
export function generateSecret(prefix: SecretPrefix): string {
  return prefix + encodeBase32LowerCaseNoPadding(randomBytes(SECRET_BYTES));
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}
