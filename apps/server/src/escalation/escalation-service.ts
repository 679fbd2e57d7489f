import type { Server as HttpServer } from 'node:http';
import type * as Y from 'yjs';
import type { Server } from 'socket.io';
import { listBoardsChangedSince, type Database } from '@pairboard/db';
import { escalateIncident, escalationState, readIncidents, readResponseTargets } from '@pairboard/sync-core';
import type { Logger } from '../logger.ts';
import type { Room } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { sendEscalationAlert } from './escalation-alerts.ts';
import { EscalationTimers } from './escalation-timers.ts';

export interface EscalationDeps {
  db: Database;
  rooms: RoomRegistry;
  io: Server;
  /** Its `close` stops the watcher, so `createServer` needs no extra shutdown step. */
  httpServer: HttpServer;
  logger: Logger;
  now: () => Date;
}

/** How far back the start-up scan looks for boards with open incidents (see `boardIds`). */
const RECENT_MS = 48 * 60 * 60 * 1000;

/** The running escalation watcher. */
export interface Escalations {
  /** Re-reads one loaded board and (re)arms its incidents' timers. */
  scan(boardId: string): void;
  /** Resolves when the start-up scan of every stored board is done. */
  ready: Promise<void>;
  stop(): void;
}

/*
 * Escalation is derived, never remembered: each open incident's due time is its raise (or
 * reopen) time plus the board's target for its level, all read from the document. On start every
 * stored board is read once, so incidents whose target passed while the server was down are
 * escalated at once; while a board is loaded its document is watched, so new incidents, changed
 * targets and acknowledgements re-arm or cancel timers. A timer only asks the room pipeline to
 * re-check: `escalateIncident` there decides, and writes the entry at most once per cycle.
 */
export function startEscalations(deps: EscalationDeps): Escalations {
  const { db, rooms, io, logger, now } = deps;
  const watched = new WeakSet<Y.Doc>();
  let stopped = false;

  const scanRoom = (room: Room): void => {
    if (stopped) return;
    const targets = readResponseTargets(room.doc);
    const open = new Set<string>();
    for (const incident of readIncidents(room.doc)) {
      const state = escalationState(incident, targets, now());
      if (state.dueAt === null || state.escalatedAt !== null) continue;
      open.add(incident.id);
      timers.schedule(room.boardId, incident.id, new Date(state.dueAt));
    }
    timers.retain(room.boardId, open);
  };

  const watch = (room: Room): void => {
    if (watched.has(room.doc)) return;
    watched.add(room.doc);
    let queued = false;
    // Coalesce a burst of updates (an import, a reconnecting phone) into one scan.
    room.doc.on('update', () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        scanRoom(room);
      });
    });
    scanRoom(room);
  };

  const escalate = async (boardId: string, incidentId: string): Promise<void> => {
    const alert = await rooms.withRoom(boardId, async (room) => {
      let wrote = false;
      await room.applyServerChange((doc) => {
        const result = escalateIncident(doc, incidentId, now());
        wrote = result.ok && result.value;
      });
      watch(room);
      scanRoom(room);
      if (!wrote) return null;
      const incident = readIncidents(room.doc).find((candidate) => candidate.id === incidentId);
      const entry = incident?.timeline.findLast((e) => e.kind === 'escalated');
      if (!incident || !entry) return null;
      return {
        boardId,
        incidentId,
        title: incident.title,
        level: incident.level,
        raisedAt: incident.raisedAt,
        escalatedAt: entry.at,
        targetMinutes: readResponseTargets(room.doc)[incident.level],
      };
    });
    if (!alert) return;
    logger.info({ boardId, incidentId, level: alert.level }, 'incident escalated');
    await sendEscalationAlert(io, db, logger, alert);
  };

  const timers = new EscalationTimers({
    now,
    onDue: (boardId, incidentId) => {
      if (stopped) return;
      escalate(boardId, incidentId).catch((error: unknown) =>
        logger.error({ err: error, boardId, incidentId }, 'escalation failed'),
      );
    },
  });

  /*
   * Boards whose log changed in the last two days: every incident still inside its target (at most
   * 24 h) or just past it. An older unacknowledged incident is escalated when its board next loads,
   * since every loaded board is watched. This keeps start-up proportional to recent activity, not
   * to every board ever made.
   */
  const boardIds = (): Promise<string[]> => listBoardsChangedSince(db, new Date(now().getTime() - RECENT_MS));

  const scanStored = async (): Promise<void> => {
    const ids = await boardIds();
    for (const boardId of ids) {
      if (stopped) return;
      await rooms.withRoom(boardId, (room) => Promise.resolve(watch(room)));
    }
    logger.info({ boards: ids.length, timers: timers.size }, 'escalation start-up scan done');
  };

  const ready = scanStored().catch((error: unknown) => {
    if (!stopped) logger.error({ err: error }, 'escalation start-up scan failed');
  });
  // Every board that loads from now on (a client joins, a client view opens) is watched live.
  const stopWatchingLoads = rooms.onLoaded((room) => watch(room));

  const stop = (): void => {
    stopped = true;
    stopWatchingLoads();
    timers.clear();
  };
  deps.httpServer.once('close', stop);

  return {
    scan: (boardId) => {
      const room = rooms.peek(boardId);
      if (room) watch(room);
    },
    ready,
    stop,
  };
}
