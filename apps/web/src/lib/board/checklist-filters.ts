import type { ChecklistItem, Incident, IncidentLevel, Pair } from '@pairboard/board-schema';

/**
 * The remote desk's filters. Checklist filters combine with AND ("my pair" and "overdue" shows
 * my pair's overdue items); incident level filters combine with OR over open incidents, because
 * an incident has one level and "red or yellow" is what a desk watches.
 */
export type ItemFilter = 'mine' | 'overdue' | 'unverified';

export const ITEM_FILTERS: readonly ItemFilter[] = ['mine', 'overdue', 'unverified'];

export interface ItemFilterContext {
  /** The signed-in person; people ids in the board are user ids. */
  actorId: string;
  pairs: readonly Pair[];
  /** Milliseconds since the epoch: what "overdue" is measured against. */
  nowMs: number;
}

/** The ids of every pair I am in: the on-site or the remote half. */
export function myPairIds(pairs: readonly Pair[], actorId: string): Set<string> {
  return new Set(
    pairs.filter((pair) => pair.onsiteId === actorId || pair.remoteId === actorId).map((pair) => pair.id),
  );
}

/** Owned by one of my pairs, or by me alone. */
export function isMine(item: ChecklistItem, actorId: string, pairIds: ReadonlySet<string>): boolean {
  if (!item.owner) return false;
  return item.owner.kind === 'pair' ? pairIds.has(item.owner.id) : item.owner.id === actorId;
}

/** Past its due time and not done. An unparseable due time is never overdue. */
export function isOverdue(item: ChecklistItem, nowMs: number): boolean {
  if (item.status === 'done' || item.dueAt === null) return false;
  const dueMs = Date.parse(item.dueAt);
  return !Number.isNaN(dueMs) && dueMs < nowMs;
}

/** Done by one person and still waiting for the other's sign-off. */
export function isUnverified(item: ChecklistItem): boolean {
  return item.status === 'done' && item.verifiedBy === null;
}

/** One predicate per filter, built once per render so "mine" looks pairs up once. */
function predicates(context: ItemFilterContext): Record<ItemFilter, (item: ChecklistItem) => boolean> {
  const pairIds = myPairIds(context.pairs, context.actorId);
  return {
    mine: (item) => isMine(item, context.actorId, pairIds),
    overdue: (item) => isOverdue(item, context.nowMs),
    unverified: isUnverified,
  };
}

export interface ItemFilterResult {
  /** Items that pass every active filter, in board order. */
  items: ChecklistItem[];
  /** How many items each filter would show on its own: the number on its button. */
  counts: Record<ItemFilter, number>;
}

/** Applies the active filters (none active: every item) and counts each filter alone. */
export function filterItems(
  items: readonly ChecklistItem[],
  active: ReadonlySet<ItemFilter>,
  context: ItemFilterContext,
): ItemFilterResult {
  const tests = predicates(context);
  const counts: Record<ItemFilter, number> = { mine: 0, overdue: 0, unverified: 0 };
  const shown: ChecklistItem[] = [];
  for (const item of items) {
    let passes = true;
    for (const filter of ITEM_FILTERS) {
      const matches = tests[filter](item);
      if (matches) counts[filter] += 1;
      if (active.has(filter) && !matches) passes = false;
    }
    if (passes) shown.push(item);
  }
  return { items: shown, counts };
}

export const INCIDENT_LEVELS: readonly IncidentLevel[] = ['blue', 'yellow', 'red'];

export interface IncidentFilterResult {
  incidents: Incident[];
  /** Open (not yet resolved) incidents per level: the number on each level's button. */
  openCounts: Record<IncidentLevel, number>;
}

/**
 * With no level chosen, every incident (resolved ones too: nothing in the log is hidden by
 * default). With levels chosen, only unresolved incidents of those levels.
 */
export function filterIncidents(
  incidents: readonly Incident[],
  levels: ReadonlySet<IncidentLevel>,
): IncidentFilterResult {
  const openCounts: Record<IncidentLevel, number> = { blue: 0, yellow: 0, red: 0 };
  for (const incident of incidents) if (incident.status !== 'resolved') openCounts[incident.level] += 1;
  const shown =
    levels.size === 0
      ? [...incidents]
      : incidents.filter((incident) => incident.status !== 'resolved' && levels.has(incident.level));
  return { incidents: shown, openCounts };
}

/** Adds `value` when absent, removes it when present: one filter button press. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
