import type { Role } from '../api/schemas.ts';

/**
 * What the board page shows and offers for a role. The server enforces the same limits on every
 * transport (it drops writes a role may not make); this only keeps the page from offering them.
 */
export interface BoardAccess {
  /** Panels shown, in order. Door staff get the guest panel alone. */
  panels: readonly BoardPanel[];
  /** Any write at all; false for observers, who see a "Read-only" badge instead of controls. */
  canWrite: boolean;
  /** Tick, verify and add checklist items; raise and handle incidents. */
  editBoard: boolean;
  /** Check guests in, undo check-ins and add walk-ins. */
  checkIn: boolean;
  /** Opens the contacts document (`<boardId>~contacts`) and shows phone and email on guest rows. */
  contacts: boolean;
  /** Forms pairs (writes the document's `pairs`). */
  formPairs: boolean;
  /** The members list and the people & pairs section. */
  people: boolean;
  /** The "Share" link to `/boards/<id>/share`. */
  share: boolean;
  /** Interrupting banners for open red incidents. */
  redAlerts: boolean;
}

export type BoardPanel = 'checklists' | 'guests' | 'incidents' | 'people';

const ALL_PANELS: readonly BoardPanel[] = ['checklists', 'guests', 'incidents', 'people'];

const ACCESS: Readonly<Record<Role, BoardAccess>> = {
  owner: {
    panels: ALL_PANELS,
    canWrite: true,
    editBoard: true,
    checkIn: true,
    contacts: true,
    formPairs: true,
    people: true,
    share: true,
    redAlerts: true,
  },
  editor: {
    panels: ALL_PANELS,
    canWrite: true,
    editBoard: true,
    checkIn: true,
    contacts: true,
    formPairs: false,
    people: true,
    share: false,
    redAlerts: true,
  },
  door: {
    panels: ['guests'],
    canWrite: true,
    editBoard: false,
    checkIn: true,
    contacts: false,
    formPairs: false,
    people: false,
    share: false,
    redAlerts: false,
  },
  observer: {
    panels: ALL_PANELS,
    canWrite: false,
    editBoard: false,
    checkIn: false,
    contacts: true,
    formPairs: false,
    people: true,
    share: false,
    redAlerts: true,
  },
};

export function boardAccess(role: Role): BoardAccess {
  return ACCESS[role];
}
