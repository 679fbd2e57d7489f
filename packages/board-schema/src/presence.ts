import { z } from 'zod';
import { Position } from './board.ts';

/** Socket.IO presence payloads (docs/protocol.md §2), parsed on both ends. */

const BoardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'boardId must be 1 to 64 letters, digits, - or _');

export const PRESENCE_VIEWS = ['checklists', 'guests', 'incidents', 'people'] as const;
export const PresenceViewName = z.enum(PRESENCE_VIEWS);
export type PresenceViewName = z.infer<typeof PresenceViewName>;

/** `board:join`: who is joining which board. */
export const BoardJoin = z.object({
  boardId: BoardId,
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1, 'name must not be empty').max(100),
    position: Position,
  }),
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
  position: Position,
  role: z.string(),
  view: z.string().nullable(),
  connectedAt: z.string(),
});
export type PresenceMember = z.infer<typeof PresenceMember>;

/** `presence:roster`: everyone on a board, sent whenever someone joins, leaves or changes view. */
export const PresenceRoster = z.object({ boardId: z.string(), members: z.array(PresenceMember) });
export type PresenceRoster = z.infer<typeof PresenceRoster>;
