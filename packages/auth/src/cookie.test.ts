import { describe, expect, it } from 'vitest';
import { clearSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookie.ts';

const EXPIRES = new Date('2026-12-22T10:00:00Z');

describe('sessionCookie', () => {
  it('sets an HttpOnly, SameSite=Lax, site-wide cookie that expires with the session', () => {
    expect(SESSION_COOKIE).toBe('pb_session');
    expect(sessionCookie('abc234', EXPIRES, false)).toBe(
      'pb_session=abc234; HttpOnly; SameSite=Lax; Path=/; Expires=Tue, 22 Dec 2026 10:00:00 GMT',
    );
  });

  it('adds Secure when served over HTTPS', () => {
    expect(sessionCookie('abc234', EXPIRES, true)).toBe(
      'pb_session=abc234; HttpOnly; SameSite=Lax; Path=/; Expires=Tue, 22 Dec 2026 10:00:00 GMT; Secure',
    );
  });

  it('refuses a token that could inject cookie attributes', () => {
    expect(() => sessionCookie('abc; Domain=evil.example', EXPIRES, true)).toThrow(TypeError);
    expect(() => sessionCookie('a b', EXPIRES, true)).toThrow(/cookie-safe/);
    expect(() => sessionCookie('a\r\nSet-Cookie: x=y', EXPIRES, true)).toThrow(TypeError);
  });
});

describe('clearSessionCookie', () => {
  it('empties the cookie and expires it at once, with the same attributes', () => {
    expect(clearSessionCookie(false)).toBe(
      'pb_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
    expect(clearSessionCookie(true).endsWith('; Secure')).toBe(true);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others, ignoring whitespace', () => {
    expect(readCookie('theme=dark; pb_session=tok123 ;lang=zh-CN', 'pb_session')).toBe('tok123');
    expect(readCookie('pb_session=tok123', 'pb_session')).toBe('tok123');
  });

  it('returns null when the header or the cookie is missing', () => {
    expect(readCookie(undefined, 'pb_session')).toBeNull();
    expect(readCookie('', 'pb_session')).toBeNull();
    expect(readCookie('theme=dark; xpb_session=no; pb_session_old=no', 'pb_session')).toBeNull();
  });

  it('takes the first of duplicate cookies', () => {
    expect(readCookie('pb_session=first; pb_session=second', 'pb_session')).toBe('first');
  });

  it('keeps "=" inside the value, strips quotes and decodes %-escapes when valid', () => {
    expect(readCookie('a=b=c', 'a')).toBe('b=c');
    expect(readCookie('a="quoted"', 'a')).toBe('quoted');
    expect(readCookie('a=x%20y', 'a')).toBe('x y');
    expect(readCookie('a=100%', 'a')).toBe('100%');
  });

  it('reads an empty value as the empty string', () => {
    expect(readCookie('pb_session=', 'pb_session')).toBe('');
  });

  it('round-trips what sessionCookie sets', () => {
    const setCookie = sessionCookie('mfrggzdfmztwq2lk', EXPIRES, true);
    const [pair] = setCookie.split(';');
    expect(readCookie(pair, SESSION_COOKIE)).toBe('mfrggzdfmztwq2lk');
  });
});
