import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What one instance tells the others about a document, on its `pb:doc:<docName>` channel:
 * a durable update with the seq it was stored under, or an awareness update of its clients.
 */
export type DocMessage =
  { kind: 'update'; seq: number; update: Uint8Array } | { kind: 'awareness'; update: Uint8Array };

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

export function encodeRemoteUpdate(seq: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND_UPDATE);
  encoding.writeVarUint(encoder, seq);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeRemoteAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Decodes a message; null when it is not one (another version of the server, or garbage). */
export function decodeDocMessage(payload: Uint8Array): DocMessage | null {
  try {
    const decoder = decoding.createDecoder(payload);
    const kind = decoding.readVarUint(decoder);
    if (kind === KIND_UPDATE) {
      const seq = decoding.readVarUint(decoder);
      return { kind: 'update', seq, update: decoding.readVarUint8Array(decoder) };
    }
    if (kind === KIND_AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    return null;
  } catch {
    return null;
  }
}
