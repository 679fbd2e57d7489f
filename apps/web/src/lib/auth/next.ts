/**
 * Where to go after signing in: the page that sent the person to /signin. Only a path on this
 * site is accepted (`/boards/x?y`), never `//evil.example` or `https://…`, so a crafted sign-in
 * link cannot forward someone to another site.
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(raw)) return fallback;
  return raw;
}

/** `/signin?next=…` (or `/signup?next=…`) for a page that needs a signed-in person. */
export function authHref(page: '/signin' | '/signup', next: string): string {
  const target = safeNext(next);
  return target === '/' ? page : `${page}?next=${encodeURIComponent(target)}`;
}
