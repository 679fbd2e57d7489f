import type { Board } from '@pairboard/board-schema';

/** What the UI shows before the first sync: nothing, rather than a half-read document. */
export const EMPTY_BOARD: Board = {
  meta: null,
  people: [],
  pairs: [],
  checklists: [],
  sections: [],
  items: [],
  guests: [],
  incidents: [],
};
