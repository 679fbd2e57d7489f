import type * as Y from 'yjs';
import type { Board } from '@pairboard/board-schema';
import { allRoots } from './layout.ts';
import { readMeta } from './meta.ts';
import { readPairs, readPeople } from './people.ts';
import { readChecklists, readItems, readSections } from './checklists.ts';
import { readGuests } from './guests.ts';
import { readIncidents } from './incidents.ts';
import { observeTransactions } from './observe.ts';

/**
 * The whole board as plain data, lists in display order, derived fields (check-ins, incident
 * status) computed. Two docs with the same state read the same board, whatever order their
 * updates arrived in.
 */
export function readBoard(doc: Y.Doc): Board {
  return {
    meta: readMeta(doc),
    people: readPeople(doc),
    pairs: readPairs(doc),
    checklists: readChecklists(doc),
    sections: readSections(doc),
    items: readItems(doc),
    guests: readGuests(doc),
    incidents: readIncidents(doc),
  };
}

/**
 * Calls `onChange(origin)` once per transaction that changed the board, local or remote; the
 * origin tells a UI whether the change was its own. Returns the unsubscribe function.
 *
 * @example
 * const stop = observeBoard(doc, () => { board = readBoard(doc); });
 */
export function observeBoard(doc: Y.Doc, onChange: (origin: unknown) => void): () => void {
  return observeTransactions(allRoots(doc), onChange);
}
