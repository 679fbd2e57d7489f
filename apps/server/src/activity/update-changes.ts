import * as Y from 'yjs';

/** Any shared type, as `doc.share` holds them (Yjs types it with `any` events). */
export type AnyType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** What one accepted update did to one entity of a map root (`items`, `guests`, …). */
export interface EntityChange {
  root: string;
  entityId: string;
  /** The update set the entity's own map (a new entity, or one replaced wholesale). */
  created: boolean;
  /** The update deleted the entity and it is gone now. */
  deleted: boolean;
  /** Fields the update set, with the value it wrote (nested types as `undefined`). */
  fields: Map<string, unknown>;
  /** Values appended to arrays inside the entity, by field (an incident's `timeline`). */
  appended: Map<string, unknown[]>;
}

/** What one accepted update did: entity changes per map root, and values pushed to array roots. */
export interface UpdateChanges {
  entities: EntityChange[];
  /** Per array root (`checkInLog`), the plain values this update appended. */
  arrayInserts: Map<string, unknown[]>;
}

interface Location {
  root: string;
  rootType: AnyType;
  /** The item's key in its root map (null for an element of an array root). */
  entityId: string | null;
  /** Keys from the entity down to the item: [] for the entity itself, ['title'] for a field. */
  path: (string | null)[];
}

/**
 * Reads what an update changed, AFTER it has been applied to `doc` (the room calls us once the
 * batch is durable). The update's own structs say what it wrote; the doc (which now holds them)
 * says where each one landed. Costs O(update size) plus struct lookups; never changes the doc.
 */
export function updateChanges(doc: Y.Doc, update: Uint8Array): UpdateChanges {
  const decoded = Y.decodeUpdate(update);
  const rootNames = new Map<AnyType, string>();
  for (const [name, type] of doc.share) rootNames.set(type, name);
  const entities = new Map<string, EntityChange>();
  const arrayInserts = new Map<string, unknown[]>();
  const entity = (root: string, entityId: string): EntityChange => {
    const key = `${root}\u0000${entityId}`;
    let change = entities.get(key);
    if (change === undefined) {
      change = { root, entityId, created: false, deleted: false, fields: new Map(), appended: new Map() };
      entities.set(key, change);
    }
    return change;
  };

  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const location = locate(doc, struct.id, rootNames);
    if (location === null) continue;
    const values = plainValues(struct);
    if (location.entityId === null) {
      if (location.path.length === 0) pushAll(arrayInserts, location.root, values);
      continue;
    }
    const change = entity(location.root, location.entityId);
    const [field, ...rest] = location.path;
    if (field === undefined) change.created = true;
    else if (field !== null && rest.length === 0) change.fields.set(field, values[0]);
    else if (field !== null && rest.length === 1 && rest[0] === null) pushAll(change.appended, field, values);
    else if (field !== null) change.fields.set(field, undefined);
  }
  for (const id of deletedIds(doc, decoded.ds)) {
    const location = locate(doc, id, rootNames);
    if (location?.entityId == null || location.path.length > 0) continue;
    // Root types may be plain AbstractTypes on the server (nobody called getMap): read `_map`.
    const current = location.rootType._map.get(location.entityId);
    if (current === undefined || current.deleted) entity(location.root, location.entityId).deleted = true;
  }
  return { entities: [...entities.values()], arrayInserts };
}

function locate(doc: Y.Doc, id: Y.ID, rootNames: Map<AnyType, string>): Location | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  let current = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  const path: (string | null)[] = [];
  // Nesting is shallow (root → entity → field → element); the bound guards a hostile doc.
  for (let depth = 0; depth < 16; depth++) {
    if (!(current instanceof Y.Item)) return null;
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    const parentType = parent as AnyType;
    if (parentType._item === null) {
      const root = rootNames.get(parentType);
      if (root === undefined) return null;
      return { root, rootType: parentType, entityId: current.parentSub, path: path.reverse() };
    }
    path.push(current.parentSub);
    current = parentType._item;
  }
  return null;
}

/** The plain values an item carries (JSON and `Any` content); nested types read as undefined. */
function plainValues(item: Y.Item): unknown[] {
  const content = item.content;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.getContent();
  if (content instanceof Y.ContentString) return [content.getContent().join('')];
  return Array.from({ length: item.length }, () => undefined);
}

function* deletedIds(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): Generator<Y.ID> {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (structs === undefined) continue;
    const state = Y.getState(doc.store, client);
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, state);
      if (end <= range.clock) continue;
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
        const struct = structs[i];
        if (struct === undefined || struct.id.clock >= end) break;
        yield struct.id;
      }
    }
  }
}

function pushAll(target: Map<string, unknown[]>, key: string, values: unknown[]): void {
  const list = target.get(key);
  if (list) list.push(...values);
  else target.set(key, [...values]);
}
