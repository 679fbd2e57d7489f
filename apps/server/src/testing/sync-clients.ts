import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitUntil } from './wait-for.ts';

/** A stock y-websocket client (the npm package, unchanged) on its own doc. */
export interface ProviderClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export async function connectProvider(
  syncUrl: string,
  boardId: string,
  doc = new Y.Doc(),
): Promise<ProviderClient> {
  const provider = new WebsocketProvider(syncUrl, boardId, doc, { disableBc: true });
  const client: ProviderClient = {
    doc,
    provider,
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
  await waitUntil(() => provider.synced, { message: `provider for ${boardId} never synced` });
  return client;
}

/** A raw WebSocket for sending hand-made (and malformed) frames. Records frames and the close. */
export interface RawClient {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

export async function connectRaw(syncUrl: string, boardId: string): Promise<RawClient> {
  const ws = new WebSocket(`${syncUrl}/${boardId}`);
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
