import { z } from 'zod';

/** Socket.IO payloads for presence (docs/protocol.md). Parsed before anything else happens. */
export const BoardJoin = z.object({
  boardId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'boardId must be 1 to 64 letters, digits, - or _'),
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1, 'name must not be empty').max(100),
    position: z.enum(['onsite', 'remote']),
  }),
});
export type BoardJoin = z.infer<typeof BoardJoin>;

export const PresenceView = z.object({
  boardId: z.string().min(1).max(64),
  view: z.enum(['checklists', 'guests', 'incidents', 'people']),
});
export type PresenceView = z.infer<typeof PresenceView>;

/** One connected person as everyone on the board sees them. */
export interface PresenceMember {
  connectionId: string;
  userId: string;
  name: string;
  position: 'onsite' | 'remote';
  role: 'editor';
  view: string | null;
  connectedAt: string;
}
