import { describe, expect, it } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateSecret, generateSessionToken, hashToken, SECRET_PREFIXES } from './tokens.ts';

const BASE32_LOWER = /^[a-z2-7]+$/;

describe('generateSessionToken', () => {
  it('encodes 20 random bytes as 32 lowercase base32 characters without padding', () => {
    const token = generateSessionToken();
    expect(token).toMatch(BASE32_LOWER);
    expect(token).toHaveLength(32);
    expect(decodeBase32IgnorePadding(token.toUpperCase())).toHaveLength(20);
  });

  it('gives a different token every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  it('is the lowercase hex SHA-256 of the UTF-8 token (FIPS 180-2 test vectors)', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes non-ASCII text as UTF-8', () => {
    // sha256 of the UTF-8 bytes e4 bd a0 e5 a5 bd ("你好")
    expect(hashToken('你好')).toBe('670d9743542cae3ea7ebe36af56bd53648b0a1126162e78d81a32934a711302e');
  });

  it('is deterministic and never returns the token itself', () => {
    const token = generateSessionToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe('generateSecret', () => {
  it.each(Object.values(SECRET_PREFIXES))('prefixes 32 random bytes in base32 with %s', (prefix) => {
    const secret = generateSecret(prefix);
    expect(secret.startsWith(prefix)).toBe(true);
    const body = secret.slice(prefix.length);
    expect(body).toMatch(BASE32_LOWER);
    expect(body).toHaveLength(52);
    expect(decodeBase32IgnorePadding(body.toUpperCase())).toHaveLength(32);
  });

  it('gives a different secret every time', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateSecret('pbt_')));
    expect(secrets.size).toBe(1000);
  });
});
