import * as Y from 'yjs';
import { decodeUpdateV1 } from './decode-update-v1.ts';
import type { DecodedStruct, DeleteRange } from './decoded-update.ts';
import { FootprintResolver, UNKNOWN_ENTRY, type Entry, type Location } from './footprint-resolver.ts';

/**
 * A top-level shared type name in `doc.share`; `''` stands for a change no root could be found
 * for. Any string is allowed (a client may name any root); the listed ones are the board's.
 */
export type DocRoot =
  | 'meta'
  | 'people'
  | 'pairs'
  | 'checklists'
  | 'sections'
  | 'items'
  | 'guests'
  | 'checkInLog'
  | 'incidents'
  | 'guestContacts'
  // `string & {}` keeps the board's names visible to editors: a bare `string` would absorb them.
  | (string & Record<never, never>);

/** What an update does to one root. */
export interface RootFootprint {
  /**
   * Entries the doc already has that the update changes, overwrites or deletes: map keys, and
   * for an array root the ID (`client:clock`) of an existing element changed or deleted.
   */
  existingKeys: Set<string>;
  /** Map keys the doc's root map has never held (not even deleted), and changes inside them. */
  newKeys: Set<string>;
  /** Elements inserted directly into an array root (in clock units, i.e. values). */
  arrayInserts: number;
}

export interface UpdateFootprint {
  /** Per root: keys of existing entries touched, keys of new entries added, and array inserts (rules WP1–WP3). */
  roots: Map<DocRoot, RootFootprint>;
  /** True if applying the update removes anything the doc has: its delete set or an overwrite of a live map value (WP4). */
  deletes: boolean;
}

type ItemStruct = Extract<DecodedStruct, { kind: 'item' }>;

/**
 * Which parts of a board an update touches, for the per-role write policy (rules WP1–WP6 in
 * SPEC.md). Call only after `inspectUpdate(doc, update)` returned `ok` (it throws on bytes that
 * do not decode). Never changes the doc; costs O(update size) plus struct lookups, and for
 * deletes O(doc structs the delete set covers), which applying them costs Yjs too.
 *
 * @example
 * const footprint = updateFootprint(doc, bytes);
 * const verdict = checkWritePolicy(footprint, { kind: 'door' });
 * if (!verdict.ok) log.warn(verdict.reason);
 */
export function updateFootprint(doc: Y.Doc, update: Uint8Array): UpdateFootprint {
  const decoded = decodeUpdateV1(update);
  const resolver = new FootprintResolver(doc, decoded.clients);
  const footprint: UpdateFootprint = { roots: new Map(), deletes: false };
  for (const { client, structs } of decoded.clients) {
    const state = Y.getState(doc.store, client);
    for (const struct of structs) {
      // Yjs skips clocks the doc already has: a resent or overlapping update changes nothing there (WP6).
      const newLength = struct.clock + struct.length - Math.max(struct.clock, state);
      if (newLength <= 0 || struct.kind === 'skip') continue;
      if (struct.kind === 'gc') record(footprint, UNKNOWN_ENTRY);
      else recordItem(footprint, resolver, struct, newLength);
    }
  }
  for (const range of decoded.deletes) recordDelete(footprint, doc, resolver, range);
  return footprint;
}

function recordItem(
  footprint: UpdateFootprint,
  resolver: FootprintResolver,
  struct: ItemStruct,
  newLength: number,
): void {
  const location = resolver.location(struct);
  const entry = resolver.entryAt(location);
  const root = record(footprint, entry);
  if (entry.kind === 'insert' && isDirectlyInRoot(resolver, location)) root.arrayInserts += newLength;
  if (overwritesLiveValue(location)) footprint.deletes = true;
}

/**
 * Setting a map key deletes the key's current value (`Item.integrate`). A concurrent set that
 * loses Yjs's tie-break is deleted itself instead; it still counts, as an attempt to overwrite.
 * A map created by this same update holds nothing of the doc, so only doc types are checked.
 */
function overwritesLiveValue({ parent, parentSub }: Location): boolean {
  if (parentSub === null || parent.kind === 'unknown' || parent.kind === 'update') return false;
  const current = parent.type?._map.get(parentSub);
  return current !== undefined && !current.deleted;
}

function isDirectlyInRoot(resolver: FootprintResolver, { parent }: Location): boolean {
  if (parent.kind === 'root') return true;
  return parent.kind === 'doc' && parent.type._item === null && resolver.rootName(parent.type) !== null;
}

/** Every live doc struct the range covers is removed by Yjs; already deleted ones and this update's own are not. */
function recordDelete(
  footprint: UpdateFootprint,
  doc: Y.Doc,
  resolver: FootprintResolver,
  range: DeleteRange,
): void {
  const end = Math.min(range.clock + range.length, Y.getState(doc.store, range.client));
  const structs = doc.store.clients.get(range.client);
  if (structs === undefined || end <= range.clock) return;
  for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
    const struct = structs[i];
    if (struct === undefined || struct.id.clock >= end) break;
    if (struct.deleted || !(struct instanceof Y.Item)) continue;
    footprint.deletes = true;
    record(footprint, resolver.docItemEntry(struct, Math.max(range.clock, struct.id.clock)));
  }
}

function record(footprint: UpdateFootprint, entry: Entry): RootFootprint {
  let root = footprint.roots.get(entry.root);
  if (root === undefined) {
    root = { existingKeys: new Set(), newKeys: new Set(), arrayInserts: 0 };
    footprint.roots.set(entry.root, root);
  }
  if (entry.kind === 'key') (entry.isNew ? root.newKeys : root.existingKeys).add(entry.key);
  else if (entry.kind === 'element') root.existingKeys.add(entry.id);
  return root;
}
