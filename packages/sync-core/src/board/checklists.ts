import type * as Y from 'yjs';
import { Checklist, ChecklistItem, ItemStatus, Section } from '@pairboard/board-schema';
import type { Owner } from '@pairboard/board-schema';
import { createEntity, getEntity, newId, nextOrder, orderedEntities } from './layout.ts';
import { readNullableString, readOwner, readStamp, readString } from './fields.ts';
import { describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

const ChecklistInput = Checklist.pick({ title: true });
const SectionInput = Section.pick({ checklistId: true, title: true });
const ItemInput = ChecklistItem.pick({ sectionId: true, title: true }).extend({
  owner: ChecklistItem.shape.owner.optional(),
  dueAt: ChecklistItem.shape.dueAt.optional(),
});

/** Adds a checklist after the existing ones. Returns its id. */
export function addChecklist(doc: Y.Doc, input: { title: string }, origin: unknown = null): OpResult<string> {
  const parsed = ChecklistInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('checklist', parsed.error.issues));
  return runOp(doc, origin, () => {
    const id = newId();
    createEntity(doc, 'checklists', id, { title: parsed.data.title, order: nextOrder(doc, 'checklists') });
    return ok(id);
  });
}

/** Adds a section at the end of a checklist. Returns its id. */
export function addSection(
  doc: Y.Doc,
  input: { checklistId: string; title: string },
  origin: unknown = null,
): OpResult<string> {
  const parsed = SectionInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('section', parsed.error.issues));
  const { checklistId, title } = parsed.data;
  return runOp(doc, origin, () => {
    if (!getEntity(doc, 'checklists', checklistId))
      return fail('not_found', `checklist ${checklistId} not found`);
    const id = newId();
    const order = nextOrder(doc, 'sections', { field: 'checklistId', value: checklistId });
    createEntity(doc, 'sections', id, { checklistId, title, order });
    return ok(id);
  });
}

/** Adds a `todo` item at the end of a section, optionally owned by a pair or person and due at a time. */
export function addItem(
  doc: Y.Doc,
  input: { sectionId: string; title: string; owner?: Owner | null; dueAt?: string | null },
  origin: unknown = null,
): OpResult<string> {
  const parsed = ItemInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('item', parsed.error.issues));
  const { sectionId, title, owner = null, dueAt = null } = parsed.data;
  return runOp(doc, origin, () => {
    if (!getEntity(doc, 'sections', sectionId)) return fail('not_found', `section ${sectionId} not found`);
    if (owner && !getEntity(doc, owner.kind === 'pair' ? 'pairs' : 'people', owner.id)) {
      return fail('not_found', `owner ${owner.kind} ${owner.id} not found`);
    }
    const id = newId();
    const order = nextOrder(doc, 'items', { field: 'sectionId', value: sectionId });
    createEntity(doc, 'items', id, {
      sectionId,
      title,
      order,
      owner,
      dueAt,
      status: 'todo',
      done: null,
      verified: null,
    });
    return ok(id);
  });
}

export function readChecklists(doc: Y.Doc): Checklist[] {
  return orderedEntities(doc, 'checklists').map(([id, map]) => ({
    id,
    title: readString(map, 'title'),
    order: readString(map, 'order'),
  }));
}

/** Sections of every checklist, in checklist order, then section order. */
export function readSections(doc: Y.Doc): Section[] {
  const checklistRank = rankOf(readChecklists(doc));
  return stableGroup(
    orderedEntities(doc, 'sections').map(([id, map]) => ({
      id,
      checklistId: readString(map, 'checklistId'),
      title: readString(map, 'title'),
      order: readString(map, 'order'),
    })),
    (section) => checklistRank.get(section.checklistId),
  );
}

/**
 * Items in section display order. `doneBy/doneAt` show only while the status is `done`, and a
 * verification only when it was made by someone other than the doer: concurrent edits (an
 * untick racing a verify) can leave stale marks in the map, and the view must stay coherent.
 */
export function readItems(doc: Y.Doc): ChecklistItem[] {
  const sectionRank = rankOf(readSections(doc));
  const items = orderedEntities(doc, 'items').map(([id, map]): ChecklistItem => {
    const parsedStatus = ItemStatus.safeParse(map.get('status'));
    const status = parsedStatus.success ? parsedStatus.data : 'todo';
    const done = status === 'done' ? readStamp(map, 'done') : null;
    const verified = done ? readStamp(map, 'verified') : null;
    const verifiedByOther = verified && verified.by.id !== done?.by.id ? verified : null;
    return {
      id,
      sectionId: readString(map, 'sectionId'),
      title: readString(map, 'title'),
      order: readString(map, 'order'),
      owner: readOwner(map, 'owner'),
      dueAt: readNullableString(map, 'dueAt'),
      status,
      doneBy: done?.by ?? null,
      doneAt: done?.at ?? null,
      verifiedBy: verifiedByOther?.by ?? null,
      verifiedAt: verifiedByOther?.at ?? null,
    };
  });
  return stableGroup(items, (item) => sectionRank.get(item.sectionId));
}

function rankOf(list: ReadonlyArray<{ id: string }>): Map<string, number> {
  return new Map(list.map((entry, index) => [entry.id, index]));
}

/** Sorts by parent rank, keeping the given order within a parent; orphans (parent unknown) go last. */
function stableGroup<T>(list: T[], rank: (entry: T) => number | undefined): T[] {
  return list
    .map((entry, index) => ({ entry, index, rank: rank(entry) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => entry);
}
