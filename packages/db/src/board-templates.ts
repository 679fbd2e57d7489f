import type { Queryable } from './database.ts';
import { UserNotFoundError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';
import { single } from './rows.ts';
import { toDate, toJson, toNullableString, toOneOf, toText } from './values.ts';

const LANGUAGES = ['zh-CN', 'en'] as const;

/**
 * A template saved by a user from one of their boards. `content` is JSON the db does not
 * interpret (it knows no board model): parse it before use.
 */
export interface BoardTemplateRow {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  language: (typeof LANGUAGES)[number];
  content: unknown;
  sourceBoardId: string | null;
  createdAt: Date;
}

interface RawBoardTemplateRow {
  id: unknown;
  owner_id: unknown;
  name: unknown;
  description: unknown;
  language: unknown;
  content: unknown;
  source_board_id: unknown;
  created_at: unknown;
}

const COLUMNS =
  'id, owner_id, name, description, language, content::text as content, source_board_id, created_at';

/** Stores a template; `id` defaults to a random UUID. Throws `UserNotFoundError` for an unknown owner. */
export async function createBoardTemplate(
  q: Queryable,
  input: {
    id?: string;
    ownerId: string;
    name: string;
    description: string;
    language: BoardTemplateRow['language'];
    content: unknown;
    sourceBoardId: string | null;
  },
): Promise<BoardTemplateRow> {
  try {
    const rows = await q.query<RawBoardTemplateRow>(
      `insert into board_templates (id, owner_id, name, description, language, content, source_board_id)
       values ($1, $2, $3, $4, $5, $6::text::jsonb, $7) returning ${COLUMNS}`,
      [
        input.id ?? crypto.randomUUID(),
        input.ownerId,
        input.name,
        input.description,
        input.language,
        JSON.stringify(input.content),
        input.sourceBoardId,
      ],
    );
    return toBoardTemplateRow(single(rows));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.ForeignKeyViolation) {
      throw new UserNotFoundError(input.ownerId, { cause: error });
    }
    throw error;
  }
}

/** The templates a user saved, newest first. */
export async function listBoardTemplates(q: Queryable, ownerId: string): Promise<BoardTemplateRow[]> {
  const rows = await q.query<RawBoardTemplateRow>(
    `select ${COLUMNS} from board_templates where owner_id = $1 order by created_at desc, id`,
    [ownerId],
  );
  return rows.map(toBoardTemplateRow);
}

/** One template, only when `ownerId` owns it (null otherwise: ids are not to be probed). */
export async function getBoardTemplate(
  q: Queryable,
  ownerId: string,
  id: string,
): Promise<BoardTemplateRow | null> {
  const rows = await q.query<RawBoardTemplateRow>(
    `select ${COLUMNS} from board_templates where owner_id = $1 and id = $2`,
    [ownerId, id],
  );
  const row = rows[0];
  return row === undefined ? null : toBoardTemplateRow(row);
}

/** Deletes a template of this owner; true when one was deleted. */
export async function deleteBoardTemplate(q: Queryable, ownerId: string, id: string): Promise<boolean> {
  const rows = await q.query<{ id: unknown }>(
    `delete from board_templates where owner_id = $1 and id = $2 returning id`,
    [ownerId, id],
  );
  return rows.length > 0;
}

function toBoardTemplateRow(row: RawBoardTemplateRow): BoardTemplateRow {
  return {
    id: toText(row.id, 'board_templates.id'),
    ownerId: toText(row.owner_id, 'board_templates.owner_id'),
    name: toText(row.name, 'board_templates.name'),
    description: toText(row.description, 'board_templates.description'),
    language: toOneOf(row.language, LANGUAGES, 'board_templates.language'),
    content: toJson(row.content, 'board_templates.content'),
    sourceBoardId: toNullableString(row.source_board_id, 'board_templates.source_board_id'),
    createdAt: toDate(row.created_at, 'board_templates.created_at'),
  };
}
