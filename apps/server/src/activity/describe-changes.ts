import * as Y from 'yjs';
import type { AnyType, EntityChange, UpdateChanges } from './update-changes.ts';

/** One activity line before it has an actor, a time and a board (see `ActivityRecorder`). */
export interface ActivityChange {
  /** The feed's list: `checklists`, `guests`, `incidents`, `people` or `board`. */
  list: string;
  entityId: string;
  /** A stable code the UI translates: `item.done`, `guest.checked_in`, `incident.raised`, … */
  action: string;
  label: string;
  detail: string;
}

/** Roots of the main and contacts documents → feed list and the action prefix. */
const ROOTS: Record<string, { list: string; kind: string }> = {
  people: { list: 'people', kind: 'person' },
  pairs: { list: 'people', kind: 'pair' },
  checklists: { list: 'checklists', kind: 'checklist' },
  sections: { list: 'checklists', kind: 'section' },
  items: { list: 'checklists', kind: 'item' },
  guests: { list: 'guests', kind: 'guest' },
  guestContacts: { list: 'guests', kind: 'guest_contact' },
  incidents: { list: 'incidents', kind: 'incident' },
};

/** Every list the feed may be filtered by. */
export const ACTIVITY_LISTS = ['checklists', 'guests', 'incidents', 'people', 'board'] as const;

/**
 * Turns what an update changed into feed lines ("ticked", "checked in", "raised red incident"),
 * reading labels (titles, names) from the doc as it is now. Contact values never appear: a
 * contacts change says only that a guest's contact data was edited.
 */
export function describeChanges(doc: Y.Doc, changes: UpdateChanges): ActivityChange[] {
  const lines: ActivityChange[] = [];
  // Meta is one flat map: its "entities" are fields, and the board is what changed.
  const metaFields = changes.entities.filter((change) => change.root === 'meta').map((c) => c.entityId);
  if (metaFields.length > 0) {
    lines.push({
      list: 'board',
      entityId: 'meta',
      action: 'board.edited',
      label: '',
      detail: metaFields.sort().join(', '),
    });
  }
  for (const change of changes.entities) {
    if (change.root === 'meta') continue;
    const root = ROOTS[change.root];
    if (root === undefined) continue;
    const label = labelOf(doc, change.root, change.entityId);
    for (const [action, detail] of entityActions(root.kind, change)) {
      lines.push({ list: root.list, entityId: change.entityId, action, label, detail });
    }
  }
  for (const entry of changes.arrayInserts.get('checkInLog') ?? []) {
    const line = checkInLine(doc, entry);
    if (line) lines.push(line);
  }
  return lines;
}

function entityActions(kind: string, change: EntityChange): [string, string][] {
  if (change.deleted) return [[`${kind}.deleted`, '']];
  if (change.created) return [createdAction(kind, change)];
  if (kind === 'item') return itemActions(change);
  const actions: [string, string][] = [];
  if (kind === 'incident') {
    for (const entry of change.appended.get('timeline') ?? []) {
      const entryKind = isRecord(entry) && typeof entry.kind === 'string' ? entry.kind : 'note';
      actions.push([`incident.${entryKind}`, '']);
    }
    const level = change.fields.get('level');
    if (typeof level === 'string') actions.push(['incident.level_changed', level]);
  }
  const others = [...change.fields.keys()].filter((field) => !(kind === 'incident' && field === 'level'));
  if (others.length > 0) actions.push([`${kind}.edited`, others.sort().join(', ')]);
  return actions;
}

function createdAction(kind: string, change: EntityChange): [string, string] {
  if (kind === 'incident') {
    const level = change.fields.get('level');
    return ['incident.raised', typeof level === 'string' ? level : ''];
  }
  if (kind === 'guest') return ['guest.added', change.fields.get('walkIn') === true ? 'walk_in' : ''];
  if (kind === 'guest_contact') return ['guest_contact.edited', ''];
  return [`${kind}.created`, ''];
}

/** A sign-off writes `done` (or `verified`) and `status` together; the stamp says it all. */
function itemActions(change: EntityChange): [string, string][] {
  const { fields } = change;
  const actions: [string, string][] = [];
  // Ticking and unticking clear `verified` too; that is part of the same step, not news.
  if (fields.has('done')) actions.push([fields.get('done') ? 'item.done' : 'item.undone', '']);
  else if (fields.has('verified'))
    actions.push([fields.get('verified') ? 'item.verified' : 'item.unverified', '']);
  const status = fields.get('status');
  if (typeof status === 'string' && !fields.has('done') && !fields.has('verified')) {
    actions.push(['item.status', status]);
  }
  if (fields.has('owner')) actions.push(['item.assigned', ownerText(fields.get('owner'))]);
  if (fields.has('dueAt'))
    actions.push(['item.due', typeof fields.get('dueAt') === 'string' ? String(fields.get('dueAt')) : '']);
  const handled = new Set(['done', 'verified', 'status', 'owner', 'dueAt']);
  const others = [...fields.keys()].filter((field) => !handled.has(field));
  if (others.length > 0) actions.push(['item.edited', others.sort().join(', ')]);
  return actions;
}

function checkInLine(doc: Y.Doc, entry: unknown): ActivityChange | null {
  if (!isRecord(entry) || typeof entry.guestId !== 'string') return null;
  const action = entry.kind === 'undo' ? 'guest.check_in_undone' : 'guest.checked_in';
  const at = typeof entry.at === 'string' ? entry.at : '';
  return {
    list: 'guests',
    entityId: entry.guestId,
    action,
    label: labelOf(doc, 'guests', entry.guestId),
    detail: at,
  };
}

function ownerText(owner: unknown): string {
  if (!isRecord(owner)) return '';
  return typeof owner.kind === 'string' && typeof owner.id === 'string' ? `${owner.kind}:${owner.id}` : '';
}

/**
 * The entity's title or name now; empty when it is gone. Reads `share` and `_map` directly: on
 * the server a root may be a plain AbstractType (nobody called `getMap`), and no root is created.
 */
function labelOf(doc: Y.Doc, root: string, entityId: string): string {
  const rootType = doc.share.get(root);
  const entity = rootType === undefined ? undefined : liveValue(rootType, entityId);
  if (!(entity instanceof Y.AbstractType)) return '';
  // Guests have a job `title` too: a name, when there is one, is the label.
  for (const field of ['name', 'title']) {
    const text = liveValue(entity as AnyType, field);
    if (typeof text === 'string' && text !== '') return text.slice(0, 200);
  }
  return '';
}

function liveValue(type: AnyType, key: string): unknown {
  const item = type._map.get(key);
  if (item === undefined || item.deleted) return undefined;
  const content: unknown[] = item.content.getContent();
  return content[content.length - 1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
