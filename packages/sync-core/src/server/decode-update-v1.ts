import * as decoding from 'lib0/decoding';
import {
  InvalidUpdateError,
  type ClientStructs,
  type DecodedStruct,
  type DeleteRange,
  type DecodedUpdate,
  type StructId,
} from './decoded-update.ts';
import { readItemContent } from './read-item-content.ts';

// Info byte layout, as in yjs/src/utils/encoding.js and Item.write.
const BIT_ORIGIN = 0b1000_0000;
const BIT_RIGHT_ORIGIN = 0b0100_0000;
const BIT_PARENT_SUB = 0b0010_0000;
const BITS_CONTENT_REF = 0b0001_1111;
const INFO_GC = 0;
const INFO_SKIP = 10;

/**
 * Decodes a V1 update (the format y-websocket sends) into plain records, following
 * `readClientsStructRefs` and `readDeleteSet` byte for byte. Unlike Yjs it never touches a doc
 * (Yjs calls `doc.get(parentYKey)` while reading, which creates root types even for updates
 * that later fail), it rejects trailing bytes, and it throws `InvalidUpdateError` or a lib0
 * decoding error for anything Yjs could not apply.
 */
export function decodeUpdateV1(update: Uint8Array): DecodedUpdate {
  const decoder = decoding.createDecoder(update);
  const clients = readStructSection(decoder);
  const deletes = readDeleteSet(decoder);
  if (decoder.pos > update.length) throw new InvalidUpdateError('truncated update');
  if (decoder.pos < update.length) {
    throw new InvalidUpdateError(`${update.length - decoder.pos} trailing bytes after the delete set`);
  }
  return { clients, deletes };
}

function readStructSection(decoder: decoding.Decoder): ClientStructs[] {
  const clientCount = decoding.readVarUint(decoder);
  const clients: ClientStructs[] = [];
  const seen = new Set<number>();
  // Counts are untrusted: never preallocate from them. Every struct consumes at least one
  // byte, so the loops are bounded by the update's size.
  for (let i = 0; i < clientCount; i++) {
    const structCount = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    if (seen.has(client)) {
      // Yjs keeps only the last section of a client and silently drops the earlier ones.
      throw new InvalidUpdateError(`client ${client} has more than one struct section`);
    }
    seen.add(client);
    let clock = decoding.readVarUint(decoder);
    const structs: DecodedStruct[] = [];
    for (let j = 0; j < structCount; j++) {
      const struct = readStruct(decoder, client, clock);
      structs.push(struct);
      clock += struct.length;
      if (!Number.isSafeInteger(clock)) throw new InvalidUpdateError(`clock of client ${client} overflows`);
    }
    clients.push({ client, structs });
  }
  return clients;
}

function readStruct(decoder: decoding.Decoder, client: number, clock: number): DecodedStruct {
  const info = readInfo(decoder);
  const contentRef = info & BITS_CONTENT_REF;
  if (contentRef === INFO_GC || contentRef === INFO_SKIP) {
    if (info !== contentRef) throw new InvalidUpdateError(`flags set on a GC/Skip struct (info ${info})`);
    const length = readLength(decoder, client, clock);
    return { kind: contentRef === INFO_GC ? 'gc' : 'skip', client, clock, length };
  }
  const origin = (info & BIT_ORIGIN) !== 0 ? readId(decoder) : null;
  const rightOrigin = (info & BIT_RIGHT_ORIGIN) !== 0 ? readId(decoder) : null;
  let parent: Parent = { id: null, key: null };
  let parentSub: string | null = null;
  // Parent info is only written when there is no origin to copy it from (Item.write).
  if (origin === null && rightOrigin === null) {
    parent = readParent(decoder);
    if ((info & BIT_PARENT_SUB) !== 0) parentSub = decoding.readVarString(decoder);
  }
  const content = readItemContent(decoder, contentRef);
  if (content.length === 0) throw new InvalidUpdateError(`empty item at ${client}:${clock}`);
  for (const ref of [origin, rightOrigin, parent.id]) {
    // Yjs only checks other clients' references for presence; a reference to its own client at
    // or after its own clock makes integration throw halfway (getItem: unexpected case).
    if (ref !== null && ref.client === client && ref.clock >= clock) {
      throw new InvalidUpdateError(`item ${client}:${clock} references its own client at ${ref.clock}`);
    }
  }
  return {
    kind: 'item',
    client,
    clock,
    length: content.length,
    origin,
    rightOrigin,
    parentId: parent.id,
    parentKey: parent.key,
    parentSub,
    content: content.kind,
  };
}

/** A written parent: exactly one of `id` (a type's item) and `key` (a root name, `parentYKey`). */
interface Parent {
  id: StructId | null;
  key: string | null;
}

function readParent(decoder: decoding.Decoder): Parent {
  const parentInfo = decoding.readVarUint(decoder);
  if (parentInfo === 1) return { id: null, key: decoding.readVarString(decoder) };
  if (parentInfo !== 0) throw new InvalidUpdateError(`parent info must be 0 or 1, got ${parentInfo}`);
  return { id: readId(decoder), key: null };
}

function readDeleteSet(decoder: decoding.Decoder): DeleteRange[] {
  const clientCount = decoding.readVarUint(decoder);
  const deletes: DeleteRange[] = [];
  for (let i = 0; i < clientCount; i++) {
    const client = decoding.readVarUint(decoder);
    const rangeCount = decoding.readVarUint(decoder);
    for (let j = 0; j < rangeCount; j++) {
      const clock = decoding.readVarUint(decoder);
      const length = readLength(decoder, client, clock);
      deletes.push({ client, clock, length });
    }
  }
  return deletes;
}

/** A struct or deleted range of length 0 is never written by Yjs and confuses its binary searches. */
function readLength(decoder: decoding.Decoder, client: number, clock: number): number {
  const length = decoding.readVarUint(decoder);
  if (length === 0) throw new InvalidUpdateError(`zero length at ${client}:${clock}`);
  if (!Number.isSafeInteger(clock + length))
    throw new InvalidUpdateError(`clock of client ${client} overflows`);
  return length;
}

function readId(decoder: decoding.Decoder): StructId {
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return { client, clock };
}

/** lib0's readUint8 does not check bounds (it returns undefined past the end). */
function readInfo(decoder: decoding.Decoder): number {
  if (decoder.pos >= decoder.arr.length) throw new InvalidUpdateError('truncated update');
  return decoding.readUint8(decoder);
}
