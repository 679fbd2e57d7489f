import { canVerifyItem } from '@pairboard/sync-core';
import type { Board, Checklist, ChecklistItem, Incident, Section } from '@pairboard/board-schema';

/** Where "Add item" writes: the first section of the first checklist (null section: none yet). */
export function firstSectionTarget(board: Board): { checklistId: string; sectionId: string | null } | null {
  const checklist = board.checklists[0];
  if (!checklist) return null;
  const section = board.sections.find((candidate) => candidate.checklistId === checklist.id);
  return { checklistId: checklist.id, sectionId: section?.id ?? null };
}

export interface SectionView {
  section: Section;
  items: ChecklistItem[];
}

export interface ChecklistView {
  checklist: Checklist;
  sections: SectionView[];
  done: number;
  total: number;
}

/** Checklists with their sections and items, in display order, with done counts. */
export function groupChecklists(board: Board): ChecklistView[] {
  const itemsBySection = new Map<string, ChecklistItem[]>();
  for (const item of board.items) {
    const list = itemsBySection.get(item.sectionId);
    if (list) list.push(item);
    else itemsBySection.set(item.sectionId, [item]);
  }
  return board.checklists.map((checklist) => {
    const sections = board.sections
      .filter((section) => section.checklistId === checklist.id)
      .map((section) => ({ section, items: itemsBySection.get(section.id) ?? [] }));
    const items = sections.flatMap((view) => view.items);
    return { checklist, sections, done: items.filter(isDone).length, total: items.length };
  });
}

export function isDone(item: ChecklistItem): boolean {
  return item.status === 'done';
}

/**
 * Whether to offer "Verify": never to the person who did the item, and on a pair's item only
 * to the pair's other member (a board owner stands in when the pair has lost that member).
 * The same rule as sync-core's `verifyItem`, so the button never offers what would be refused.
 */
export function canVerify(
  item: ChecklistItem,
  actorId: string,
  board: Pick<Board, 'pairs' | 'people'>,
  boardOwner = false,
): boolean {
  return canVerifyItem(item, actorId, board, { boardOwner });
}

/**
 * Red incidents that should interrupt me: raised by someone else and nobody has acknowledged
 * them yet, minus the ones I dismissed on this device.
 */
export function redAlerts(
  incidents: readonly Incident[],
  actorId: string,
  dismissed: ReadonlySet<string>,
): Incident[] {
  return incidents.filter(
    (incident) =>
      incident.level === 'red' &&
      incident.status === 'open' &&
      incident.reporter.id !== actorId &&
      !dismissed.has(incident.id),
  );
}

const STATUS_RANK = { open: 0, acknowledged: 1, resolved: 2 } as const;

/** Unresolved first (open before acknowledged), newest first within each status. */
export function sortIncidents(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.raisedAt.localeCompare(a.raisedAt),
  );
}
