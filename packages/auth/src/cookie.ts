/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'pb_session';

/**
 * HttpOnly keeps the token from page scripts; SameSite=Lax keeps it off cross-site POSTs
 * (the server's Origin check covers the rest of CSRF); `Secure` when served over HTTPS.
 */
const ATTRIBUTES = 'HttpOnly; SameSite=Lax; Path=/';

/** RFC 6265 cookie-octets: anything else could end the value and inject attributes. */
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/**
 * The `Set-Cookie` value that stores a session token until `expiresAt`.
 *
 * @example
 * res.append('Set-Cookie', sessionCookie(token, session.expiresAt, config.secureCookies));
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  if (!COOKIE_VALUE.test(token)) {
    throw new TypeError(
      'session token must consist of cookie-safe characters (no spaces, quotes, commas, semicolons)',
    );
  }
  return withSecure(`${SESSION_COOKIE}=${token}; ${ATTRIBUTES}; Expires=${expiresAt.toUTCString()}`, secure);
}

/** The `Set-Cookie` value that deletes the session cookie (sign-out, or an invalid session). */
export function clearSessionCookie(secure: boolean): string {
  return withSecure(
    `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
    secure,
  );
}

/**
 * The value of cookie `name` in a `Cookie` request header, or null. The first occurrence wins
 * (browsers send the most specific path first); surrounding double quotes are removed and
 * %-escapes decoded when they are valid.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    return decode(unquote(pair.slice(equals + 1).trim()));
  }
  return null;
}

function withSecure(cookie: string, secure: boolean): string {
  return secure ? `${cookie}; Secure` : cookie;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
