import { z } from 'zod';

/**
 * The plain-data view of one event board, as `readBoard(doc)` in sync-core returns it. The Yjs
 * layout behind it is documented in docs/board-schema.md. Times are ISO 8601 strings in UTC;
 * the board's `timezone` says how to show them.
 */

export const BOARD_SCHEMA_VERSION = 1;

export const ItemStatus = z.enum(['todo', 'doing', 'blocked', 'done']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const IncidentLevel = z.enum(['blue', 'yellow', 'red']);
export type IncidentLevel = z.infer<typeof IncidentLevel>;

export const IncidentStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const Position = z.enum(['onsite', 'remote']);
export type Position = z.infer<typeof Position>;

export const GuestTag = z.enum(['vip', 'speaker', 'media', 'staff']);
export type GuestTag = z.infer<typeof GuestTag>;

export const BoardLanguage = z.enum(['zh-CN', 'en']);
export type BoardLanguage = z.infer<typeof BoardLanguage>;

const Id = z.string().min(1).max(64);
const IsoTime = z.iso.datetime({ offset: true });

/** Who did something: a stable id and the name shown to people at the time. */
export const Actor = z.object({ id: Id, name: z.string().min(1).max(100) });
export type Actor = z.infer<typeof Actor>;

export const BoardMeta = z.object({
  name: z.string().min(1).max(200),
  venue: z.string().max(200),
  timezone: z.string().min(1).max(64),
  startsAt: IsoTime,
  endsAt: IsoTime,
  language: BoardLanguage,
  schemaVersion: z.number().int().positive(),
});
export type BoardMeta = z.infer<typeof BoardMeta>;

export const Person = z.object({ id: Id, name: z.string().min(1).max(100), position: Position });
export type Person = z.infer<typeof Person>;

export const Pair = z.object({ id: Id, name: z.string().min(1).max(100), onsiteId: Id, remoteId: Id });
export type Pair = z.infer<typeof Pair>;

/** An owner is a pair or a single person. */
export const Owner = z.object({ kind: z.enum(['pair', 'person']), id: Id });
export type Owner = z.infer<typeof Owner>;

export const Checklist = z.object({ id: Id, title: z.string().min(1).max(200), order: z.string() });
export type Checklist = z.infer<typeof Checklist>;

export const Section = z.object({
  id: Id,
  checklistId: Id,
  title: z.string().min(1).max(200),
  order: z.string(),
});
export type Section = z.infer<typeof Section>;

export const ChecklistItem = z.object({
  id: Id,
  sectionId: Id,
  title: z.string().min(1).max(500),
  order: z.string(),
  owner: Owner.nullable(),
  dueAt: IsoTime.nullable(),
  status: ItemStatus,
  doneBy: Actor.nullable(),
  doneAt: IsoTime.nullable(),
  verifiedBy: Actor.nullable(),
  verifiedAt: IsoTime.nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** One check-in of a guest; the earliest one after the latest undo stands (derived from the check-in log). */
export const CheckIn = z.object({ at: IsoTime, by: Actor });
export type CheckIn = z.infer<typeof CheckIn>;

/**
 * A guest as every board member sees it. Contact data (phone, email, notes) is personal data
 * and lives in the board's separate contacts document: see `GuestContact`.
 */
export const Guest = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  company: z.string().max(200),
  title: z.string().max(200),
  tags: z.array(GuestTag),
  host: z.string().max(100),
  seat: z.string().max(100),
  plusOnes: z.number().int().min(0).max(20),
  walkIn: z.boolean(),
  checkIn: CheckIn.nullable(),
});
export type Guest = z.infer<typeof Guest>;

/**
 * A guest's personal contact data (PIPL/GDPR), kept in the board's contacts document
 * (`<boardId>~contacts`), which only owners, editors and observers may open. Keyed by the
 * guest's id in the main document.
 */
export const GuestContact = z.object({
  guestId: Id,
  phone: z.string().max(50),
  email: z.string().max(200),
  notes: z.string().max(2000),
});
export type GuestContact = z.infer<typeof GuestContact>;

export const TimelineEntry = z.object({
  id: Id,
  at: IsoTime,
  by: Actor,
  kind: z.enum(['raised', 'note', 'acknowledged', 'resolved', 'escalated', 'reopened']),
  text: z.string().max(2000),
  internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Incident = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  level: IncidentLevel,
  category: z.string().max(100),
  zone: z.string().max(100),
  reporter: Actor,
  owner: Owner.nullable(),
  status: IncidentStatus,
  raisedAt: IsoTime,
  acknowledgedAt: IsoTime.nullable(),
  resolvedAt: IsoTime.nullable(),
  timeline: z.array(TimelineEntry),
});
export type Incident = z.infer<typeof Incident>;

/**
 * The whole board as plain data. Lists are in display order: people, pairs, checklists and
 * guests by `(order, id)`; sections grouped by checklist and items grouped by section, each
 * then by `(order, id)`; incidents by `(raisedAt, id)`. See docs/board-schema.md.
 */
export interface Board {
  meta: BoardMeta | null;
  people: Person[];
  pairs: Pair[];
  checklists: Checklist[];
  sections: Section[];
  items: ChecklistItem[];
  guests: Guest[];
  incidents: Incident[];
}

/** Input for raising an incident from a form or the API. */
export const RaiseIncidentInput = z.object({
  title: z.string().trim().min(1).max(200),
  level: IncidentLevel,
  category: z.string().trim().max(100).default(''),
  zone: z.string().trim().max(100).default(''),
  owner: Owner.nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});
export type RaiseIncidentInput = z.input<typeof RaiseIncidentInput>;
