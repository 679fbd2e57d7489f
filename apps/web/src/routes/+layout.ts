/**
 * The whole app renders in the browser. Its data lives on the enclosing Pairboard server:
 * `/api` is an Express route next to this handler, which SvelteKit's server-side `fetch` cannot
 * reach (it answers same-origin requests from its own routes), and the board itself arrives
 * over the Yjs WebSocket, and who I am from the session cookie. Server rendering would
 * only produce an empty shell in the wrong language.
 */
export const ssr = false;
