/**
 * Pairboard's HTTP API as a browser calls it: JSON, a cookie jar, and the Origin header the CSRF
 * check wants. `call(method, path, body)` answers the parsed JSON or throws with the status and
 * body; `call.cookie()` is the session cookie, for a WebSocket that connects as the same user.
 */
export function apiClient(base) {
  let cookie = '';
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().map((value) => value.split(';')[0]);
    if (setCookie.length > 0) cookie = setCookie.join('; ');
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  call.cookie = () => cookie;
  return call;
}
