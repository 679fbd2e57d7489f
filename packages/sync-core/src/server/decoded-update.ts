/** A struct ID (`client`, `clock`) as written in an update. */
export interface StructId {
  client: number;
  clock: number;
}

/** Which Yjs content class an item carries; only what validation needs to know. */
export type ContentKind = 'deleted' | 'json' | 'binary' | 'string' | 'embed' | 'format' | 'type' | 'any';

/** One struct of a V1 update, decoded without touching any doc. */
export type DecodedStruct =
  | { kind: 'gc'; client: number; clock: number; length: number }
  | { kind: 'skip'; client: number; clock: number; length: number }
  | {
      kind: 'item';
      client: number;
      clock: number;
      length: number;
      origin: StructId | null;
      rightOrigin: StructId | null;
      /** Parent given by ID; `null` when the parent is named (`parentYKey`) or copied from a neighbour. */
      parentId: StructId | null;
      /** Parent given by root name (`parentYKey`); `null` when given by ID or copied from a neighbour. */
      parentKey: string | null;
      /** Map key (`parentSub`) when the parent is written; `null` for sequence items or a copied parent. */
      parentSub: string | null;
      content: ContentKind;
    };

/** One client's run of structs: contiguous clocks, in the order the update lists them. */
export interface ClientStructs {
  client: number;
  structs: DecodedStruct[];
}

/** One range of the update's delete set. */
export interface DeleteRange {
  client: number;
  clock: number;
  length: number;
}

export interface DecodedUpdate {
  clients: ClientStructs[];
  deletes: DeleteRange[];
}

/** Thrown by the decoder for anything structurally wrong; becomes an `invalid` verdict. */
export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError';
}
