/** A user signed up through the real HTTP API, with the session cookie a browser would keep. */
export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  /** `pb_session=...`, ready for a Cookie header. */
  cookie: string;
}

let counter = 0;

/** Sends JSON as this server's own pages would (Origin set, so the CSRF check passes). */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; bearer?: string; origin?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin !== null) headers.origin = origin;
  return fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** The session cookie from a sign-in or sign-up answer. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .filter((c) => c.startsWith('pb_session=') && !c.startsWith('pb_session=;'))
    .at(-1);
  if (!cookie) throw new Error(`no session cookie in answer ${response.status}`);
  return cookie.split(';')[0]!;
}

export async function signUp(baseUrl: string, name = '测试用户'): Promise<TestUser> {
  counter += 1;
  const email = `user-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = 'correct horse battery';
  const response = await api(baseUrl, 'POST', '/api/auth/signup', { body: { email, password, name } });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, email, name, password, cookie: sessionCookieOf(response) };
}
