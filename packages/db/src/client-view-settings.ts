import type { Queryable } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { toJson } from './values.ts';

/** Which parts of the redacted client view a board's share links show; owners choose. */
export interface ClientViewSettings {
  progress: boolean;
  attendance: boolean;
  incidents: boolean;
  updates: boolean;
}

const PARTS = ['progress', 'attendance', 'incidents', 'updates'] as const;

/**
 * The board's client-view settings. A part missing from the stored JSON (a part added after the
 * row was written) reads as shown, matching the column default. Throws `BoardNotFoundError`.
 */
export async function getClientViewSettings(q: Queryable, boardId: string): Promise<ClientViewSettings> {
  const rows = await q.query<{ client_view: unknown }>(
    'select client_view::text as client_view from boards where id = $1',
    [boardId],
  );
  const row = rows[0];
  if (row === undefined) throw new BoardNotFoundError(boardId);
  return toSettings(toJson(row.client_view, 'boards.client_view'));
}

/** Replaces the board's client-view settings and returns them. Throws `BoardNotFoundError`. */
export async function setClientViewSettings(
  q: Queryable,
  boardId: string,
  settings: ClientViewSettings,
): Promise<ClientViewSettings> {
  for (const part of PARTS) {
    if (typeof settings[part] !== 'boolean') {
      throw new TypeError(`client view setting ${part} must be a boolean, got ${typeof settings[part]}`);
    }
  }
  // Only the known parts are written, so extra properties on `settings` never reach the row.
  const value = Object.fromEntries(PARTS.map((part) => [part, settings[part]]));
  const rows = await q.query<{ client_view: unknown }>(
    'update boards set client_view = $2::text::jsonb where id = $1 returning client_view::text as client_view',
    [boardId, JSON.stringify(value)],
  );
  const row = rows[0];
  if (row === undefined) throw new BoardNotFoundError(boardId);
  return toSettings(toJson(row.client_view, 'boards.client_view'));
}

function toSettings(value: unknown): ClientViewSettings {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const read = (part: (typeof PARTS)[number]): boolean => {
    const flag = stored[part];
    return typeof flag === 'boolean' ? flag : true;
  };
  return {
    progress: read('progress'),
    attendance: read('attendance'),
    incidents: read('incidents'),
    updates: read('updates'),
  };
}
