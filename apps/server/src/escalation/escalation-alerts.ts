import type { Server } from 'socket.io';
import type { Incident } from '@pairboard/board-schema';
import type { Database } from '@pairboard/db';
import { resolveBoardAccess, type Caller } from '../access/caller.ts';
import type { Logger } from '../logger.ts';

/** Payload of the `incident:escalated` Socket.IO event (server → owners and editors on the board). */
export interface IncidentEscalatedAlert {
  boardId: string;
  incidentId: string;
  title: string;
  level: Incident['level'];
  raisedAt: string;
  escalatedAt: string;
  targetMinutes: number;
}

/** Roles that answer incidents: the ones an escalation is for. */
const ALERTED_ROLES = new Set(['owner', 'editor']);

/**
 * Sends the alert to every socket of this instance in the board's staff room whose caller is an
 * owner or editor there now (each instance alerts its own sockets: SY14). The role is resolved per socket at send time, so a member demoted since joining
 * is not alerted. The room name is the one `realtime/board-events.ts` joins sockets to.
 */
export async function sendEscalationAlert(
  io: Server,
  db: Database,
  logger: Logger,
  alert: IncidentEscalatedAlert,
): Promise<number> {
  const sockets = await io.local.in(`board:${alert.boardId}`).fetchSockets();
  let sent = 0;
  for (const socket of sockets) {
    const caller = (socket.data as { caller?: Caller }).caller;
    if (!caller) continue;
    try {
      const access = await resolveBoardAccess(db, caller, alert.boardId);
      if (!access || !ALERTED_ROLES.has(access.role)) continue;
      socket.emit('incident:escalated', alert);
      sent += 1;
    } catch (error) {
      logger.error(
        { err: error, boardId: alert.boardId },
        'could not resolve a socket for an escalation alert',
      );
    }
  }
  return sent;
}
