import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { api, sessionCookieOf, signUp } from '../testing/users.ts';

type ErrorAnswer = { error: { code: string; message: string; retryAfterSeconds?: number } };

describe('accounts and sessions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ authAttemptsPerAccountPer15Minutes: 3, authAttemptsPerIpPerMinute: 1000 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs up with an HttpOnly, SameSite=Lax session cookie and knows who I am', async () => {
    const response = await api(t.url, 'POST', '/api/auth/signup', {
      body: { email: `Zhang.San+${Date.now()}@Example.com`, password: 'long enough password', name: '张三' },
    });
    expect(response.status).toBe(201);
    const setCookie = response.headers.getSetCookie().join('; ');
    expect(setCookie).toMatch(/pb_session=[a-z2-7]{32}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const me = (await (
      await api(t.url, 'GET', '/api/auth/me', { cookie: sessionCookieOf(response) })
    ).json()) as {
      user: { name: string; email: string };
    };
    expect(me.user.name).toBe('张三');
    expect(me.user.email).toMatch(/^zhang\.san\+\d+@example\.com$/);
  });

  it('refuses a duplicate email (in any case) and a short password, saying why', async () => {
    const user = await signUp(t.url);
    const again = await api(t.url, 'POST', '/api/auth/signup', {
      body: { email: user.email.toUpperCase(), password: 'long enough password', name: 'x' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorAnswer).error.code).toBe('email_taken');
    const short = await api(t.url, 'POST', '/api/auth/signup', {
      body: { email: 'a@b.cn', password: 'short', name: 'x' },
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as ErrorAnswer).error.message).toContain('at least 10 characters');
  });

  it('issues a new session on sign-in and never adopts a session id planted before it (fixation)', async () => {
    const user = await signUp(t.url);
    const planted = 'pb_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const signIn = await api(t.url, 'POST', '/api/auth/signin', {
      body: { email: user.email, password: user.password },
      cookie: planted,
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    const issued = sessionCookieOf(signIn);
    expect(issued).not.toBe(planted);
    expect(issued).not.toBe(user.cookie);
    expect((await api(t.url, 'GET', '/api/auth/me', { cookie: planted })).status).toBe(401);
    expect((await api(t.url, 'GET', '/api/auth/me', { cookie: issued })).status).toBe(200);
    // The sign-up session still works too: each sign-in adds a session, it does not reuse one.
    expect((await api(t.url, 'GET', '/api/auth/me', { cookie: user.cookie })).status).toBe(200);
  });

  it('limits sign-in attempts per account with "try again in N s" and a Retry-After header', async () => {
    const user = await signUp(t.url);
    for (let i = 0; i < 3; i++) {
      const wrong = await api(t.url, 'POST', '/api/auth/signin', {
        body: { email: user.email, password: 'wrong password!' },
      });
      expect(wrong.status).toBe(401);
    }
    const limited = await api(t.url, 'POST', '/api/auth/signin', {
      body: { email: user.email, password: user.password },
    });
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as ErrorAnswer;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.message).toBe(`too many attempts, try again in ${body.error.retryAfterSeconds} s`);
    expect(limited.headers.get('retry-after')).toBe(String(body.error.retryAfterSeconds));
    // Another account from the same address is not locked out by this one.
    const other = await signUp(t.url);
    expect(
      (
        await api(t.url, 'POST', '/api/auth/signin', {
          body: { email: other.email, password: other.password },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses unsafe requests that carry the cookie but come from another origin (CSRF)', async () => {
    const user = await signUp(t.url);
    for (const origin of [null, 'https://evil.example']) {
      const response = await api(t.url, 'POST', '/api/boards', {
        body: { name: 'x' },
        cookie: user.cookie,
        origin,
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorAnswer).error.code).toBe('csrf_rejected');
    }
    const boards = (await (await api(t.url, 'GET', '/api/boards', { cookie: user.cookie })).json()) as {
      boards: unknown[];
    };
    expect(boards.boards).toEqual([]);
  });

  it('signs out one session, or every session of the account', async () => {
    const user = await signUp(t.url);
    const second = sessionCookieOf(
      await api(t.url, 'POST', '/api/auth/signin', { body: { email: user.email, password: user.password } }),
    );
    expect((await api(t.url, 'POST', '/api/auth/signout', { cookie: user.cookie })).status).toBe(204);
    expect((await api(t.url, 'GET', '/api/auth/me', { cookie: user.cookie })).status).toBe(401);
    expect((await api(t.url, 'GET', '/api/auth/me', { cookie: second })).status).toBe(200);
    const third = sessionCookieOf(
      await api(t.url, 'POST', '/api/auth/signin', { body: { email: user.email, password: user.password } }),
    );
    expect((await api(t.url, 'POST', '/api/auth/signout-all', { cookie: third })).status).toBe(204);
    for (const cookie of [second, third])
      expect((await api(t.url, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});

describe('sliding session expiry', () => {
  it('renews a session used in its second half, and ends one left unused for 30 days', async () => {
    let nowMs = Date.parse('2026-11-01T00:00:00Z');
    const t = await startTestServer({}, { now: () => new Date(nowMs) });
    try {
      const user = await signUp(t.url);
      nowMs += 20 * 86_400_000;
      const renewed = await api(t.url, 'GET', '/api/auth/me', { cookie: user.cookie });
      expect(renewed.status).toBe(200);
      expect(renewed.headers.getSetCookie().join(';')).toContain('pb_session=');
      nowMs += 25 * 86_400_000; // 45 days after sign-up, 25 after renewal
      expect((await api(t.url, 'GET', '/api/auth/me', { cookie: user.cookie })).status).toBe(200);
      nowMs += 31 * 86_400_000;
      const expired = await api(t.url, 'GET', '/api/auth/me', { cookie: user.cookie });
      expect(expired.status).toBe(401);
      expect(expired.headers.getSetCookie().join(';')).toMatch(
        /pb_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/,
      );
    } finally {
      await t.close();
    }
  });
});
