import type { DocStore } from '@pairboard/sync-core';
import { appendUpdates, compactBoardLog, loadBoardLog, type Database } from '@pairboard/db';

/**
 * The one place where the db package meets sync-core: the update log behind the DocStore
 * interface. Works the same on PGlite and on a Postgres server.
 */
export function createPgDocStore(db: Database): DocStore {
  return {
    load: (boardId) => loadBoardLog(db, boardId),
    append: (boardId, updates) => appendUpdates(db, boardId, updates),
    compact: (boardId, uptoSeq, snapshot) => compactBoardLog(db, boardId, uptoSeq, snapshot),
  };
}
