import * as Y from 'yjs';
import type { ClientStructs, DecodedStruct, StructId } from './decoded-update.ts';
import { findStructInRun } from './doc-lookups.ts';

type ItemStruct = Extract<DecodedStruct, { kind: 'item' }>;
/** Any shared type, as `doc.share` holds them (Yjs types it with `any` events). */
type AnyType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** The type an item lands in, resolved the way `Item.getMissing` resolves it. */
export type ParentType =
  | { kind: 'root'; name: string; type: AnyType | undefined }
  | { kind: 'doc'; type: AnyType }
  | { kind: 'update'; struct: ItemStruct }
  | { kind: 'unknown' };

/** An item's parent type plus its map key (`parentSub`, null for sequence items). */
export interface Location {
  parent: ParentType;
  parentSub: string | null;
}

/**
 * The top-level entry of a root a change belongs to (rule WP1): a key of a map root (new when
 * the doc's root map has never held it), an element of an array root that the doc already
 * has (named by its ID), a new element of an array root, or nothing attributable.
 */
export type Entry =
  | { root: string; kind: 'key'; key: string; isNew: boolean }
  | { root: string; kind: 'element'; id: string }
  | { root: string; kind: 'insert' }
  | { root: ''; kind: 'unknown' };

export const UNKNOWN_ENTRY: Entry = { root: '', kind: 'unknown' };
const UNKNOWN_LOCATION: Location = { parent: { kind: 'unknown' }, parentSub: null };

/** A struct an ID points at: a doc item, a GC struct (doc or update), or an item of this update. */
type Found = { kind: 'gc' } | { kind: 'doc'; item: Y.Item } | { kind: 'update'; struct: ItemStruct };

/**
 * Resolves where the structs of one update land, reading the doc but never changing it (no
 * `doc.get`, which would create root types). Every answer is memoised per struct or per type
 * and chains are walked with loops, so a whole update costs O(its size) plus binary searches,
 * however deep it nests.
 */
export class FootprintResolver {
  readonly #doc: Y.Doc;
  readonly #byClient = new Map<number, readonly DecodedStruct[]>();
  readonly #locations = new Map<ItemStruct, Location>();
  readonly #entries = new Map<ItemStruct, Entry>();
  readonly #typeEntries = new Map<AnyType, Entry>();
  #rootNames: Map<AnyType, string> | null = null;

  constructor(doc: Y.Doc, clients: readonly ClientStructs[]) {
    this.#doc = doc;
    for (const { client, structs } of clients) this.#byClient.set(client, structs);
  }

  /** Where an item of the update lands; neighbours' parents are copied like `Item.getMissing` does. */
  location(start: ItemStruct): Location {
    const chain = new Set<ItemStruct>();
    let struct = start;
    let location: Location | undefined;
    while (location === undefined) {
      const known = this.#locations.get(struct);
      if (known !== undefined) {
        location = known;
        break;
      }
      // An `ok` update has no reference cycles; guard anyway instead of looping forever.
      if (chain.has(struct)) {
        location = UNKNOWN_LOCATION;
        break;
      }
      chain.add(struct);
      const step = this.#ownLocation(struct);
      if ('next' in step) struct = step.next;
      else location = step;
    }
    for (const visited of chain) this.#locations.set(visited, location);
    return location;
  }

  /** The top-level entry a change at `location` belongs to. */
  entryAt(location: Location): Entry {
    const { parent, parentSub } = location;
    switch (parent.kind) {
      case 'unknown':
        return UNKNOWN_ENTRY;
      case 'root':
        return this.#rootEntry(parent.name, parent.type, parentSub);
      case 'doc':
        return this.docTypeEntry(parent.type, parentSub);
      case 'update':
        return this.#updateTypeEntry(parent.struct);
    }
  }

  /**
   * The entry of a change inside doc type `type`: for a root type, the key (`parentSub`) or a new
   * element; for a nested type, the existing top-level entry it descends from.
   */
  docTypeEntry(type: AnyType, parentSub: string | null): Entry {
    if (type._item === null) {
      const name = this.rootName(type);
      return name === null ? UNKNOWN_ENTRY : this.#rootEntry(name, type, parentSub);
    }
    const known = this.#typeEntries.get(type);
    if (known !== undefined) return known;
    const path: AnyType[] = [type];
    let top: Y.Item = type._item;
    let entry: Entry | undefined;
    while (entry === undefined) {
      const parent = parentTypeOf(top);
      if (parent === null) entry = UNKNOWN_ENTRY;
      else if (parent._item === null) entry = this.#existingEntry(parent, top, top.id.clock);
      else {
        entry = this.#typeEntries.get(parent);
        path.push(parent);
        top = parent._item;
      }
    }
    for (const visited of path) this.#typeEntries.set(visited, entry);
    return entry;
  }

  /** The entry a doc item belongs to, for deletes; `clock` names the element of a merged array run. */
  docItemEntry(item: Y.Item, clock: number): Entry {
    const parent = parentTypeOf(item);
    if (parent === null) return UNKNOWN_ENTRY;
    if (parent._item === null) return this.#existingEntry(parent, item, clock);
    return this.docTypeEntry(parent, null);
  }

  /** The name under which `type` is a root of the doc, or null. */
  rootName(type: AnyType): string | null {
    if (this.#rootNames === null) {
      this.#rootNames = new Map();
      for (const [name, root] of this.#doc.share) this.#rootNames.set(root, name);
    }
    return this.#rootNames.get(type) ?? null;
  }

  /** One step of `location`: a final answer, or the neighbour whose parent the item copies. */
  #ownLocation(struct: ItemStruct): Location | { next: ItemStruct } {
    if (struct.parentKey !== null) {
      // Read `share` directly: `doc.get` would create the root (UV10).
      const type = this.#doc.share.get(struct.parentKey);
      return { parent: { kind: 'root', name: struct.parentKey, type }, parentSub: struct.parentSub };
    }
    if (struct.parentId !== null) {
      return { parent: this.#typeAt(struct.parentId), parentSub: struct.parentSub };
    }
    const left = this.#find(struct.origin);
    const right = this.#find(struct.rightOrigin);
    // Yjs GCs an item next to a GC struct (its parent was deleted and collected).
    if (left?.kind === 'gc' || right?.kind === 'gc') return UNKNOWN_LOCATION;
    const neighbour = left ?? right;
    if (neighbour === undefined) return UNKNOWN_LOCATION;
    if (neighbour.kind === 'update') return { next: neighbour.struct };
    const parent = parentTypeOf(neighbour.item);
    if (parent === null) return UNKNOWN_LOCATION;
    return { parent: { kind: 'doc', type: parent }, parentSub: neighbour.item.parentSub };
  }

  /** A parent given by ID: a shared type in the doc or the update; anything else is GC'd by Yjs. */
  #typeAt(id: StructId): ParentType {
    const found = this.#find(id);
    if (found?.kind === 'doc' && found.item.content instanceof Y.ContentType) {
      return { kind: 'doc', type: found.item.content.type as AnyType };
    }
    if (found?.kind === 'update' && found.struct.content === 'type') return found;
    return { kind: 'unknown' };
  }

  #find(id: StructId | null): Found | undefined {
    if (id === null) return undefined;
    const store = this.#doc.store;
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? { kind: 'doc', item: struct } : { kind: 'gc' };
    }
    const struct = findStructInRun(this.#byClient.get(id.client) ?? [], id.clock);
    if (struct?.kind === 'gc') return { kind: 'gc' };
    return struct?.kind === 'item' ? { kind: 'update', struct } : undefined;
  }

  /** The entry of a type created by this update, following its parents up through the update. */
  #updateTypeEntry(start: ItemStruct): Entry {
    const chain = new Set<ItemStruct>();
    let struct = start;
    let entry: Entry | undefined;
    while (entry === undefined) {
      entry = this.#entries.get(struct);
      if (entry !== undefined) break;
      if (chain.has(struct)) {
        entry = UNKNOWN_ENTRY;
        break;
      }
      chain.add(struct);
      const { parent, parentSub } = this.location(struct);
      if (parent.kind === 'update') struct = parent.struct;
      else entry = this.entryAt({ parent, parentSub });
    }
    for (const visited of chain) this.#entries.set(visited, entry);
    return entry;
  }

  #rootEntry(name: string, root: AnyType | undefined, parentSub: string | null): Entry {
    if (parentSub === null) return { root: name, kind: 'insert' };
    // `_map` keeps the last item of every key ever set, deleted or not (WP2).
    return { root: name, kind: 'key', key: parentSub, isNew: root?._map.has(parentSub) !== true };
  }

  /** The entry of `item`, which sits directly in root type `root` and is already in the doc. */
  #existingEntry(root: AnyType, item: Y.Item, clock: number): Entry {
    const name = this.rootName(root);
    if (name === null) return UNKNOWN_ENTRY;
    if (item.parentSub !== null) return { root: name, kind: 'key', key: item.parentSub, isNew: false };
    return { root: name, kind: 'element', id: `${item.id.client}:${clock}` };
  }
}

/** The type an integrated doc item sits in (Yjs types `parent` loosely: an ID or null before integration). */
function parentTypeOf(item: Y.Item): AnyType | null {
  const parent: unknown = item.parent;
  return parent instanceof Y.AbstractType ? (parent as AnyType) : null;
}
