import type { DocStore } from '@pairboard/sync-core';
import { appendUpdates, compactBoardLog, loadBoardLog, type Database } from '@pairboard/db';

const CONTACTS_SUFFIX = '~contacts';

/** `<boardId>` is the board's main document, `<boardId>~contacts` its contact-data document. */
export function parseDocName(docName: string): { boardId: string; doc: 'main' | 'contacts' } {
  return docName.endsWith(CONTACTS_SUFFIX)
    ? { boardId: docName.slice(0, -CONTACTS_SUFFIX.length), doc: 'contacts' }
    : { boardId: docName, doc: 'main' };
}

/**
 * The one place where the db package meets sync-core: the update log behind the DocStore
 * interface, keyed by document name. Works the same on PGlite and on a Postgres server.
 */
export function createPgDocStore(db: Database): DocStore {
  return {
    load: (docName, afterSeq) => {
      const { boardId, doc } = parseDocName(docName);
      return loadBoardLog(db, boardId, doc, afterSeq);
    },
    append: (docName, updates) => {
      const { boardId, doc } = parseDocName(docName);
      return appendUpdates(db, boardId, updates, doc);
    },
    compact: (docName, uptoSeq, snapshot) => {
      const { boardId, doc } = parseDocName(docName);
      return compactBoardLog(db, boardId, uptoSeq, snapshot, doc);
    },
  };
}
