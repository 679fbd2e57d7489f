// Test-only V1 encoder for hand-made updates that no Y.Doc would write (not exported).
import * as encoding from 'lib0/encoding';

type Id = readonly [client: number, clock: number];

/** A struct written verbatim; `info` overrides the computed info byte. */
export type CraftedStruct =
  | { gc: number }
  | { skip: number }
  | {
      info?: number;
      origin?: Id;
      rightOrigin?: Id;
      parent?: { key: string } | { id: Id } | { rawInfo: number };
      parentSub?: string;
      content: CraftedContent;
    };

export type CraftedContent =
  | { any: unknown[] }
  | { string: string }
  | { deleted: number }
  | { type: number; name?: string }
  | { embedJson: string }
  | { ref: number; bytes?: readonly number[] };

export interface CraftedUpdate {
  clients: { client: number; clock: number; structs: CraftedStruct[]; count?: number }[];
  deletes?: { client: number; ranges: (readonly [clock: number, length: number])[] }[];
}

/** Encodes `update` as a V1 update, the way `writeClientsStructs` and `writeDeleteSet` lay it out. */
export function craftUpdate(update: CraftedUpdate): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, update.clients.length);
  for (const { client, clock, structs, count } of update.clients) {
    encoding.writeVarUint(encoder, count ?? structs.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const struct of structs) writeStruct(encoder, struct);
  }
  const deletes = update.deletes ?? [];
  encoding.writeVarUint(encoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

function writeStruct(encoder: encoding.Encoder, struct: CraftedStruct): void {
  if ('gc' in struct || 'skip' in struct) {
    encoding.writeUint8(encoder, 'gc' in struct ? 0 : 10);
    encoding.writeVarUint(encoder, 'gc' in struct ? struct.gc : struct.skip);
    return;
  }
  const info =
    struct.info ??
    contentRef(struct.content) |
      (struct.origin ? 0x80 : 0) |
      (struct.rightOrigin ? 0x40 : 0) |
      (struct.parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(encoder, info);
  if (struct.origin) writeId(encoder, struct.origin);
  if (struct.rightOrigin) writeId(encoder, struct.rightOrigin);
  if (!struct.origin && !struct.rightOrigin) {
    const parent = struct.parent ?? { key: 'root' };
    if ('key' in parent) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, parent.key);
    } else if ('id' in parent) {
      encoding.writeVarUint(encoder, 0);
      writeId(encoder, parent.id);
    } else {
      encoding.writeVarUint(encoder, parent.rawInfo);
    }
    if (struct.parentSub !== undefined) encoding.writeVarString(encoder, struct.parentSub);
  }
  writeContent(encoder, struct.content);
}

function contentRef(content: CraftedContent): number {
  if ('any' in content) return 8;
  if ('string' in content) return 4;
  if ('deleted' in content) return 1;
  if ('type' in content) return 7;
  if ('embedJson' in content) return 5;
  return content.ref;
}

function writeContent(encoder: encoding.Encoder, content: CraftedContent): void {
  if ('any' in content) {
    encoding.writeVarUint(encoder, content.any.length);
    for (const value of content.any) encoding.writeAny(encoder, value as encoding.AnyEncodable);
  } else if ('string' in content) {
    encoding.writeVarString(encoder, content.string);
  } else if ('deleted' in content) {
    encoding.writeVarUint(encoder, content.deleted);
  } else if ('type' in content) {
    encoding.writeVarUint(encoder, content.type);
    if (content.name !== undefined) encoding.writeVarString(encoder, content.name);
  } else if ('embedJson' in content) {
    encoding.writeVarString(encoder, content.embedJson);
  } else {
    encoding.writeUint8Array(encoder, Uint8Array.from(content.bytes ?? []));
  }
}

function writeId(encoder: encoding.Encoder, [client, clock]: Id): void {
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
}
