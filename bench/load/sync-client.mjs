/*
 * One sync client speaking the y-websocket protocol over `ws` with y-protocols, without
 * WebsocketProvider: many of these share one load-generator process. In `hocuspocus` mode every
 * frame starts with the document name (varString) and the client authenticates first, as
 * @hocuspocus/provider does (message types: sync 0, awareness 1, auth 2, sync status 8).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { now } from '../lib/stats.mjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * Where a client connects: the server's base URL, its protocol and one document. A doc ref has
 * either an access `token` (query string) or a browser's `cookie` and `origin` (upgrade headers).
 */
export function urlFor(target, doc) {
  if (target.protocol === 'hocuspocus') return target.baseUrl;
  const query = doc.token ? `?token=${encodeURIComponent(doc.token)}` : '';
  return `${target.baseUrl}/${doc.docName}${query}`;
}

export class SyncClient {
  /**
   * @param {object} options
   * @param {{protocol: string, baseUrl: string}} options.target
   * @param {{docName: string, token: string | null, cookie?: string, origin?: string}} options.doc
   * @param {boolean} [options.applyStep2] apply the server's full answer to the local doc (costly
   *   for a 1.2 MB board: joiners in the storm only time its arrival, one per process applies it)
   * @param {object | null} [options.awarenessState] announce a presence state after connecting
   * @param {(update: Uint8Array, at: number) => void} [options.onRemoteUpdate]
   */
  constructor({ target, doc, applyStep2 = true, awarenessState = null, onRemoteUpdate = null }) {
    this.target = target;
    this.docRef = doc;
    this.hocuspocus = target.protocol === 'hocuspocus';
    this.applyStep2 = applyStep2;
    this.awarenessState = awarenessState;
    this.onRemoteUpdate = onRemoteUpdate;
    this.doc = new Y.Doc();
    this.awareness = null;
    this.openedAt = NaN;
    this.syncedAt = NaN;
    this.step2Bytes = 0;
    this.closed = false;
    this.error = null;
    this.synced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    // Whoever awaits `synced` sees the failure; an unawaited one must not crash the generator.
    this.synced.catch(() => undefined);
    this.doc.on('update', (update, origin) => {
      if (origin !== this) this.sendSync((e) => syncProtocol.writeUpdate(e, update));
    });
  }

  connect() {
    this.startedAt = now();
    const { cookie, origin } = this.docRef;
    this.ws = new WebSocket(urlFor(this.target, this.docRef), {
      headers: cookie ? { cookie, origin } : {},
      perMessageDeflate: false,
      maxPayload: 1 << 28,
    });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data) => this.onMessage(data));
    this.ws.on('error', (error) => this.fail(error));
    this.ws.on('close', (code, reason) => {
      this.closed = true;
      if (Number.isNaN(this.syncedAt)) this.fail(new Error(`closed before sync: ${code} ${reason}`));
    });
    return this.synced;
  }

  onOpen() {
    this.openedAt = now();
    if (this.hocuspocus) {
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE_AUTH);
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, this.docRef.token ?? '');
      });
    }
    // Like the providers: sync step 1 right away (Hocuspocus queues it until auth succeeds).
    this.sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc));
    if (this.awarenessState) {
      this.awareness = new awarenessProtocol.Awareness(this.doc);
      this.awareness.setLocalState(this.awarenessState);
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(e, update);
      });
    }
  }

  onMessage(data) {
    const at = now();
    const decoder = decoding.createDecoder(data);
    if (this.hocuspocus) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) this.onSync(decoder, at);
    else if (type === MESSAGE_AUTH && this.hocuspocus) {
      const authType = decoding.readVarUint(decoder);
      if (authType === AUTH_PERMISSION_DENIED) this.fail(new Error('permission denied'));
      else if (authType !== AUTH_AUTHENTICATED) this.fail(new Error(`unexpected auth message ${authType}`));
    } else if (type === MESSAGE_AUTH) {
      // Pairboard's "permission denied" frame: the stock client logs it; for a benchmark it is fatal.
      decoding.readVarUint(decoder);
      this.fail(new Error(`permission denied: ${decoding.readVarString(decoder)}`));
    }
    // Awareness, sync status and keepalives are not needed here; skipping them keeps the
    // generator's own CPU out of the measurement.
  }

  onSync(decoder, at) {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
      const update = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_STEP2) {
        this.step2Bytes = Math.max(this.step2Bytes, update.byteLength);
        if (this.applyStep2) Y.applyUpdate(this.doc, update, this);
        if (Number.isNaN(this.syncedAt)) {
          this.syncedAt = at;
          this.resolveSynced();
        }
      } else {
        Y.applyUpdate(this.doc, update, this);
        this.onRemoteUpdate?.(update, at);
      }
      return;
    }
    // Sync step 1 from the server: answer with what it lacks (y-protocols writes step 2).
    const reply = encoding.createEncoder();
    if (this.hocuspocus) encoding.writeVarString(reply, this.docRef.docName);
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    syncProtocol.readSyncStep1(decoder, reply, this.doc);
    this.ws.send(encoding.toUint8Array(reply));
  }

  send(write) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.hocuspocus) encoding.writeVarString(encoder, this.docRef.docName);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  sendSync(write) {
    this.send((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      write(e);
    });
  }

  /** Resolves once everything queued on the socket has been handed to the kernel. */
  flushed() {
    return new Promise((resolve) => {
      const poll = () => (this.ws.bufferedAmount === 0 ? resolve() : setTimeout(poll, 5));
      poll();
    });
  }

  fail(error) {
    if (this.error) return;
    this.error = error;
    this.rejectSynced(error);
  }

  close() {
    this.awareness?.destroy();
    this.ws?.terminate();
    this.doc.destroy();
  }
}
