export { openDatabase } from './open-database.ts';
export type { Database, Queryable, OpenDatabaseOptions } from './database.ts';
export { migrate } from './migrate.ts';
export { createBoard, getBoard, listBoards } from './boards.ts';
export type { BoardRow } from './boards.ts';
export { loadBoardLog, appendUpdates, compactBoardLog, boardLogStats } from './board-log.ts';
export type { BoardLog, BoardLogStats, NewBoardUpdate, StoredBoardUpdate } from './board-log.ts';
export { SeqConflictError, BoardNotFoundError, BoardExistsError } from './errors.ts';
