import * as Y from 'yjs';
import { compareByOrder, isOrderKey, orderKeyBetween } from './order-key.ts';

/**
 * Names of the doc's top-level types. These strings are the storage format: renaming one
 * orphans every board already saved. See docs/board-schema.md.
 */
export const ROOT = {
  meta: 'meta',
  people: 'people',
  pairs: 'pairs',
  checklists: 'checklists',
  sections: 'sections',
  items: 'items',
  guests: 'guests',
  incidents: 'incidents',
  checkInLog: 'checkInLog',
} as const;

/**
 * Top-level types of the board's contacts document, a separate Y.Doc synced as
 * `<boardId>~contacts` that holds guests' personal data (see docs/board-schema.md).
 */
export const CONTACTS_ROOT = {
  guestContacts: 'guestContacts',
} as const;

/** What the sync name of a board's contacts document ends with; board ids never contain `~`. */
export const CONTACTS_DOC_SUFFIX = '~contacts';

/** The sync name of a board's contacts document: `contactsDocName('demo')` is `'demo~contacts'`. */
export function contactsDocName(boardId: string): string {
  return `${boardId}${CONTACTS_DOC_SUFFIX}`;
}

/** The top-level maps whose values are one entity each (a Y.Map of fields, keyed by entity id). */
export type EntityRoot = 'people' | 'pairs' | 'checklists' | 'sections' | 'items' | 'guests' | 'incidents';

export type EntityMap = Y.Map<unknown>;

export const ENTITY_ROOTS: readonly EntityRoot[] = [
  'people',
  'pairs',
  'checklists',
  'sections',
  'items',
  'guests',
  'incidents',
];

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

export function entityRoot(doc: Y.Doc, root: EntityRoot): Y.Map<unknown> {
  return doc.getMap(ROOT[root]);
}

export function checkInLogArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(ROOT.checkInLog);
}

/** Every top-level type, for observers. */
export function allRoots(doc: Y.Doc): Array<Y.Map<unknown> | Y.Array<unknown>> {
  return [metaMap(doc), ...ENTITY_ROOTS.map((root) => entityRoot(doc, root)), checkInLogArray(doc)];
}

/** One entity's field map, or null when absent (or when a foreign client wrote something that is not a map). */
export function getEntity(doc: Y.Doc, root: EntityRoot, id: string): EntityMap | null {
  const value = entityRoot(doc, root).get(id);
  return value instanceof Y.Map ? (value as EntityMap) : null;
}

/** All well-formed entities of one root as `[id, fields]`, in no particular order. */
export function listEntities(doc: Y.Doc, root: EntityRoot): Array<[string, EntityMap]> {
  const out: Array<[string, EntityMap]> = [];
  entityRoot(doc, root).forEach((value, id) => {
    if (value instanceof Y.Map) out.push([id, value as EntityMap]);
  });
  return out;
}

/**
 * Adds an entity. The map is attached first and filled afterwards, inside the caller's
 * transaction, so nested Y types (an incident's timeline) are created on an integrated parent.
 */
export function createEntity(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  fields: Record<string, unknown>,
): EntityMap {
  const entity = new Y.Map<unknown>();
  entityRoot(doc, root).set(id, entity);
  for (const [key, value] of Object.entries(fields)) entity.set(key, value);
  return entity;
}

/** A new entity id. `crypto.randomUUID` is global in browsers and Node 24, so this stays browser-safe. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Entities of one root in display order: by `order` key, then by id (concurrent inserts may share a key). */
export function orderedEntities(doc: Y.Doc, root: EntityRoot): Array<[string, EntityMap]> {
  return listEntities(doc, root)
    .map(([id, map]) => {
      const order = map.get('order');
      return { id, map, order: typeof order === 'string' ? order : '' };
    })
    .sort(compareByOrder)
    .map(({ id, map }): [string, EntityMap] => [id, map]);
}

/**
 * An order key after every existing entity of `root`, or only after those whose `field` equals
 * `value` (items of one section). Malformed keys written by a foreign client are skipped.
 */
export function nextOrder(doc: Y.Doc, root: EntityRoot, filter?: { field: string; value: string }): string {
  let last: string | null = null;
  for (const [, entity] of listEntities(doc, root)) {
    if (filter && entity.get(filter.field) !== filter.value) continue;
    const order = entity.get('order');
    if (typeof order === 'string' && isOrderKey(order) && (last === null || order > last)) last = order;
  }
  return orderKeyBetween(last, null);
}
