import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@pairboard/board-schema';

/** y-protocols sync sub-message types, as the y-websocket client sends them. */
export const SyncMessageType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** One decoded client frame. Decoding never touches a doc; the room decides what to apply. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'unknown'; messageType: number };

export class MalformedFrameError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedFrameError';
  }
}

/** Decodes one y-websocket frame completely; trailing bytes make it malformed. */
export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = decodeBody(decoder);
    // An unknown type's body is unknown too, so only known messages can have trailing bytes.
    if (message.type !== 'unknown' && decoding.hasContent(decoder)) {
      throw new MalformedFrameError('frame has trailing bytes');
    }
    return message;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : 'undecodable frame');
  }
}

function decodeBody(decoder: decoding.Decoder): ClientMessage {
  const messageType = decoding.readVarUint(decoder);
  switch (messageType) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncMessageType.Step1) return { type: 'sync-step1', stateVector: payload };
      if (syncType === SyncMessageType.Step2) return { type: 'update', update: payload, step2: true };
      if (syncType === SyncMessageType.Update) return { type: 'update', update: payload, step2: false };
      throw new MalformedFrameError(`sync message type must be 0, 1 or 2, got ${syncType}`);
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    default:
      return { type: 'unknown', messageType };
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Step2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Update);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frameAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** An awareness update already encoded (the room encodes it once for its clients and the cluster). */
export function frameAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The y-websocket "auth" message; the stock client logs the reason and stops writing. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });
}

/**
 * An awareness update that changes no client: valid for every y-websocket client, and it counts
 * as a message received for its liveness check.
 */
export function encodeKeepalive(): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, Uint8Array.of(0));
  });
}
