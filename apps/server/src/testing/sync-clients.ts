import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitUntil } from './wait-for.ts';

/** How a test client proves who it is: an access token (`?token=`) or a browser's cookie + Origin. */
export type SyncCredentials = { token: string } | { cookie: string; origin: string };

/** A stock y-websocket client (the npm package, unchanged) on its own doc. */
export interface ProviderClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A WebSocket class that sends the headers a browser would (the provider takes a class). */
function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export async function connectProvider(
  syncUrl: string,
  docName: string,
  credentials: SyncCredentials,
  doc = new Y.Doc(),
): Promise<ProviderClient> {
  const options =
    'token' in credentials
      ? { disableBc: true, params: { token: credentials.token } }
      : {
          disableBc: true,
          WebSocketPolyfill: webSocketWithHeaders({ cookie: credentials.cookie, origin: credentials.origin }),
        };
  const provider = new WebsocketProvider(
    syncUrl,
    docName,
    doc,
    options as ConstructorParameters<typeof WebsocketProvider>[3],
  );
  const client: ProviderClient = {
    doc,
    provider,
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
  await waitUntil(() => provider.synced, { message: `provider for ${docName} never synced` });
  return client;
}

/**
 * The board owner's stock client, as their browser opens it on `server` (session cookie, with
 * the Origin of that address): owners may write any root, so tests can write plain maps.
 */
export function connectOwner(
  server: { url: string; syncUrl: string },
  board: { id: string; owner: { cookie: string } },
): Promise<ProviderClient> {
  return connectProvider(server.syncUrl, board.id, { cookie: board.owner.cookie, origin: server.url });
}

/** A raw WebSocket for sending hand-made (and malformed) frames. Records frames and the close. */
export interface RawClient {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

export async function connectRaw(
  syncUrl: string,
  docName: string,
  credentials: SyncCredentials | null,
): Promise<RawClient> {
  const query =
    credentials && 'token' in credentials ? `?token=${encodeURIComponent(credentials.token)}` : '';
  const headers =
    credentials && 'cookie' in credentials ? { cookie: credentials.cookie, origin: credentials.origin } : {};
  const ws = new WebSocket(`${syncUrl}/${docName}${query}`, { headers });
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames, closed };
}
