import type { Server as HttpServer } from 'node:http';
import type * as Y from 'yjs';
import type { Server } from 'socket.io';
import { listBoardsChangedSince, type Database } from '@pairboard/db';
import {
  changesEscalation,
  escalateIncident,
  escalationState,
  readIncidents,
  readResponseTargets,
} from '@pairboard/sync-core';
import { channels, type ClusterBus } from '../cluster/bus.ts';
import type { Logger } from '../logger.ts';
import type { Room } from '../sync/room.ts';
import { onDocChange } from '../sync/doc-changes.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { sendEscalationAlert, type IncidentEscalatedAlert } from './escalation-alerts.ts';
import { EscalationTimers } from './escalation-timers.ts';

export interface EscalationDeps {
  db: Database;
  rooms: RoomRegistry;
  io: Server;
  /** Its `close` stops the watcher, so `createServer` needs no extra shutdown step. */
  httpServer: HttpServer;
  logger: Logger;
  now: () => Date;
  /** The other instances; alone, this instance always leads. */
  bus: ClusterBus;
}

/** How far back the start-up scan looks for boards with open incidents (see `boardIds`). */
const RECENT_MS = 48 * 60 * 60 * 1000;

/** The running escalation watcher. */
export interface Escalations {
  /** Re-reads one loaded board and (re)arms its incidents' timers. */
  scan(boardId: string): void;
  /** Resolves when the start-up scan of every stored board is done (at once while following). */
  ready: Promise<void>;
  /**
   * In a cluster, only the holder of the `escalation` lease arms timers (it leads); the others
   * follow and tell it when a board of theirs changes its due times. `isHeld` is asked again
   * right before an escalation is written, so a leader that lost the lease while paused does not.
   */
  lead(isHeld: () => boolean): void;
  follow(): void;
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
  const { db, rooms, io, logger, now, bus } = deps;
  const watched = new WeakSet<Y.Doc>();
  let stopped = false;
  // Alone, this instance leads from the start; in a cluster it waits for the lease.
  let leading: (() => boolean) | null = bus.clustered ? null : () => true;
  /** What a follower last told the leader about each board, so it speaks only on change. */
  const told = new Map<string, string>();

  const scanRoom = (room: Room): void => {
    if (stopped) return;
    const targets = readResponseTargets(room.doc);
    const due = new Map<string, string>();
    for (const incident of readIncidents(room.doc)) {
      const state = escalationState(incident, targets, now());
      if (state.dueAt === null || state.escalatedAt !== null) continue;
      due.set(incident.id, state.dueAt);
    }
    if (leading) {
      for (const [incidentId, dueAt] of due) timers.schedule(room.boardId, incidentId, new Date(dueAt));
      timers.retain(room.boardId, new Set(due.keys()));
      return;
    }
    const signature = JSON.stringify([...due].sort());
    if (told.get(room.boardId) === signature) return;
    told.set(room.boardId, signature);
    bus.publish(channels.escalation, new TextEncoder().encode(JSON.stringify({ boardId: room.boardId })));
  };

  const watch = (room: Room): void => {
    if (watched.has(room.doc)) {
      // Already watched (as a follower, say): read it again, since who arms timers may have changed.
      scanRoom(room);
      return;
    }
    watched.add(room.doc);
    let queued = false;
    // Coalesce a burst of updates (an import, a reconnecting phone) into one scan.
    onDocChange(room.doc, (transaction) => {
      if (queued || !changesEscalation(transaction)) return;
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
        // Decided inside the room pipeline, and only while this instance still leads.
        if (!leading?.()) return;
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
    bus.publish(channels.escalationAlert, new TextEncoder().encode(JSON.stringify(alert)));
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

  let ready: Promise<void> = Promise.resolve();
  const startScan = (): void => {
    ready = scanStored().catch((error: unknown) => {
      if (!stopped) logger.error({ err: error }, 'escalation start-up scan failed');
    });
  };
  if (leading) startScan();
  // Every board that loads from now on (a client joins, a client view opens) is watched live.
  const stopWatchingLoads = rooms.onLoaded((room) => watch(room));

  const subscriptions: Array<() => void> = [];
  if (bus.clustered) {
    // The leader hears which boards changed on other instances and watches them itself.
    void bus
      .subscribe(channels.escalation, (payload) => {
        const boardId = parseBoardHint(payload);
        if (!leading || stopped || boardId === null) return;
        rooms
          .withRoom(boardId, (room) => Promise.resolve(watch(room)))
          .catch((error: unknown) => {
            logger.error({ err: error, boardId }, 'could not watch a board for escalation');
          });
      })
      .then((unsubscribe) => subscriptions.push(unsubscribe));
    // Alerts the leader raised reach the owners and editors connected to this instance.
    void bus
      .subscribe(channels.escalationAlert, (payload) => {
        const alert = parseAlert(payload);
        if (alert) void sendEscalationAlert(io, db, logger, alert);
      })
      .then((unsubscribe) => subscriptions.push(unsubscribe));
  }

  const stop = (): void => {
    stopped = true;
    stopWatchingLoads();
    timers.clear();
    for (const unsubscribe of subscriptions) unsubscribe();
  };
  deps.httpServer.once('close', stop);

  return {
    scan: (boardId) => {
      const room = rooms.peek(boardId);
      if (room) watch(room);
    },
    get ready() {
      return ready;
    },
    lead(isHeld) {
      if (stopped) return;
      leading = isHeld;
      logger.info('leading escalations: scanning recently changed boards');
      told.clear();
      startScan();
    },
    follow() {
      if (!leading) return;
      leading = null;
      timers.clear();
      logger.info('following escalations: another instance leads');
    },
    stop,
  };
}

function parseBoardHint(payload: Uint8Array): string | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(payload)) as { boardId?: unknown };
    return typeof value.boardId === 'string' ? value.boardId : null;
  } catch {
    return null;
  }
}

function parseAlert(payload: Uint8Array): IncidentEscalatedAlert | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(payload)) as Partial<IncidentEscalatedAlert>;
    return typeof value.boardId === 'string' && typeof value.incidentId === 'string'
      ? (value as IncidentEscalatedAlert)
      : null;
  } catch {
    return null;
  }
}
