import { z } from 'zod';
import {
  PRESENCE_VIEWS,
  Position,
  PresenceMember as SchemaPresenceMember,
  type PresenceViewName,
} from '@pairboard/board-schema';

/**
 * Socket.IO presence acks as the server sends them. Payload schemas live in board-schema; they
 * cross a boundary, so they are parsed before the UI sees them.
 */

export { PRESENCE_VIEWS } from '@pairboard/board-schema';
export type PresenceView = PresenceViewName;

/**
 * A connected person. Position comes from their membership now, and door staff and observers
 * may have none, so it is read leniently here (null when absent) rather than failing the roster.
 */
export const PresenceMember = SchemaPresenceMember.extend({
  position: Position.nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type PresenceMember = z.infer<typeof PresenceMember>;

export const PresenceRoster = z.object({ boardId: z.string(), members: z.array(PresenceMember) });

export function isPresenceView(value: string): value is PresenceView {
  return (PRESENCE_VIEWS as readonly string[]).includes(value);
}

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
