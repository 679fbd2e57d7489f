import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * A binary WebSocket message framed once for many sockets. A server's frames are not masked, so
 * the same bytes (header + payload) are valid on every connection: broadcasting an update to 500
 * clients writes one buffer 500 times instead of framing it 500 times and writing header and
 * payload separately (a writev each), which is where a fan-out spends its time.
 */
export class PreparedFrame {
  /** The message, for a socket that cannot take the framed bytes (see `writePrepared`). */
  readonly payload: Buffer;
  /** Header and payload, ready for the wire. */
  readonly wire: Buffer;

  constructor(message: Uint8Array) {
    this.payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    this.wire = Buffer.concat([frameHeader(this.payload.length), this.payload]);
  }
}

/** RFC 6455 §5.2: FIN + binary opcode, then the length in 7, 7+16 or 7+64 bits; no mask. */
function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x82, length]);
  if (length < 65_536) {
    const header = Buffer.allocUnsafe(4);
    header[0] = 0x82;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.allocUnsafe(10);
  header[0] = 0x82;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/** The parts of a `ws` WebSocket this module relies on: its socket and its sender's state. */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _state: number };
  _extensions?: Record<string, unknown>;
}

/** ws's Sender writes at once in this state; otherwise it queues (compression, blobs). */
const SENDER_IDLE = 0;

/**
 * Writes a prepared frame to `ws`, on the socket itself when `ws` would write at once anyway
 * (open, no extension such as permessage-deflate, nothing queued), so the order of messages
 * is kept; else through `ws.send`. `ws.bufferedAmount` counts either way.
 */
export function writePrepared(ws: WebSocket, frame: PreparedFrame): void {
  if (ws.readyState !== ws.OPEN) return;
  const internals = ws as unknown as WsInternals;
  const socket = internals._socket;
  const idle = internals._sender?._state === SENDER_IDLE;
  if (socket && idle && !hasExtension(internals) && socket.writable) socket.write(frame.wire);
  else ws.send(frame.payload);
}

/** Whether an extension (permessage-deflate) was negotiated; no array made, as this runs per delivery. */
function hasExtension({ _extensions: extensions }: WsInternals): boolean {
  for (const _name in extensions) return true;
  return false;
}
