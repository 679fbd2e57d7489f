import type * as Y from 'yjs';
import { BOARD_SCHEMA_VERSION, BoardLanguage, BoardMeta } from '@pairboard/board-schema';
import { metaMap } from './layout.ts';
import { readString } from './fields.ts';
import { BoardInitError, describeIssues } from './result.ts';

const MetaInput = BoardMeta.omit({ schemaVersion: true });

/**
 * Writes a new board's meta (name, venue, times, language) and stamps `schemaVersion`.
 * Throws `BoardInitError` on invalid meta, when `endsAt` is before `startsAt`, or when the doc
 * already is a board: re-initialising would silently rename someone's event.
 */
export function initBoard(doc: Y.Doc, meta: Omit<BoardMeta, 'schemaVersion'>, origin: unknown = null): void {
  const parsed = MetaInput.safeParse(meta);
  if (!parsed.success) throw new BoardInitError(describeIssues('board meta', parsed.error.issues));
  const input = parsed.data;
  if (Date.parse(input.endsAt) < Date.parse(input.startsAt)) {
    throw new BoardInitError(`endsAt (${input.endsAt}) must not be before startsAt (${input.startsAt})`);
  }
  const map = metaMap(doc);
  if (map.has('schemaVersion')) throw new BoardInitError('this doc is already a board');
  doc.transact(() => {
    map.set('name', input.name);
    map.set('venue', input.venue);
    map.set('timezone', input.timezone);
    map.set('startsAt', input.startsAt);
    map.set('endsAt', input.endsAt);
    map.set('language', input.language);
    map.set('schemaVersion', BOARD_SCHEMA_VERSION);
  }, origin);
}

/** The board's meta, or null while the doc has not been initialised. */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  const map = metaMap(doc);
  const schemaVersion = map.get('schemaVersion');
  if (typeof schemaVersion !== 'number') return null;
  const language = BoardLanguage.safeParse(map.get('language'));
  return {
    name: readString(map, 'name'),
    venue: readString(map, 'venue'),
    timezone: readString(map, 'timezone'),
    startsAt: readString(map, 'startsAt'),
    endsAt: readString(map, 'endsAt'),
    language: language.success ? language.data : 'zh-CN',
    schemaVersion,
  };
}
