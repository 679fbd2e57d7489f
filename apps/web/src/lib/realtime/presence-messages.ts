import { z } from 'zod';
import { Position } from '@pairboard/board-schema';

/**
 * Socket.IO presence messages as the server sends them (server contract, "Socket.IO"). They
 * cross a boundary, so they are parsed before the UI sees them.
 */

export const PRESENCE_VIEWS = ['checklists', 'guests', 'incidents', 'people'] as const;
export type PresenceView = (typeof PRESENCE_VIEWS)[number];

export function isPresenceView(value: string): value is PresenceView {
  return (PRESENCE_VIEWS as readonly string[]).includes(value);
}

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

export const PresenceRoster = z.object({ boardId: z.string(), members: z.array(PresenceMember) });

export const JoinAck = z.union([
  z.object({ ok: z.literal(true), data: z.object({ roster: z.array(PresenceMember) }) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const ViewAck = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * One entry per person: someone with two tabs open is one person. Keeps the earliest
 * connection's entry (their view is the one of the tab that joined first) and sorts by name.
 */
export function uniqueMembers(members: readonly PresenceMember[]): PresenceMember[] {
  const byUser = new Map<string, PresenceMember>();
  for (const member of members) {
    const seen = byUser.get(member.userId);
    if (!seen || member.connectedAt < seen.connectedAt) byUser.set(member.userId, member);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}
