import { z } from 'zod';
import { Position } from './board.ts';

/** Socket.IO presence payloads (docs/protocol.md §2), parsed on both ends. */

const BoardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'boardId must be 1 to 64 letters, digits, - or _');

export const PRESENCE_VIEWS = ['checklists', 'guests', 'incidents', 'people'] as const;
export const PresenceViewName = z.enum(PRESENCE_VIEWS);
export type PresenceViewName = z.infer<typeof PresenceViewName>;

/**
 * `board:join`: which board to join. Who is joining comes from the session or access token and
 * the membership (role, position); a `user` object from older clients is accepted and ignored.
 */
export const BoardJoin = z.object({
  boardId: BoardId,
  user: z.unknown().optional(),
});
export type BoardJoin = z.infer<typeof BoardJoin>;

/** `presence:view`: which part of the board a person is looking at. */
export const PresenceView = z.object({ boardId: BoardId, view: PresenceViewName });
export type PresenceView = z.infer<typeof PresenceView>;

/** One connected person as everyone on the board sees them. */
export const PresenceMember = z.object({
  connectionId: z.string(),
  userId: z.string(),
  name: z.string(),
  position: Position.nullable(),
  role: z.string(),
  view: z.string().nullable(),
  connectedAt: z.string(),
});
export type PresenceMember = z.infer<typeof PresenceMember>;

/** `presence:roster`: everyone on a board, sent whenever someone joins, leaves or changes view. */
export const PresenceRoster = z.object({ boardId: z.string(), members: z.array(PresenceMember) });
export type PresenceRoster = z.infer<typeof PresenceRoster>;
