import type { Router } from 'express';
import type { Database } from '@pairboard/db';
import type { Logger } from '../logger.ts';
import type { RoomOptions } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { ActivityRecorder } from './activity-recorder.ts';
import { activityRouter } from './activity.routes.ts';

/** The activity feed as the composition root wires it: a room hook, a router, a flush. */
export interface ActivityFeed {
  /** Hand to `RoomRegistry` as `onDurable`: records every durable batch, never throws. */
  onDurable: NonNullable<RoomOptions['onDurable']>;
  /** `GET /activity`, mounted at `/api/boards/:id`. */
  router(rooms: RoomRegistry): Router;
  /** Resolves when every row handed over so far is written (before the db closes). */
  flush(): Promise<void>;
}

export function createActivityFeed(deps: { db: Database; logger: Logger; now: () => Date }): ActivityFeed {
  const recorder = new ActivityRecorder(deps);
  return {
    onDurable: (boardId, doc, updates) => recorder.record(boardId, doc, updates),
    router: (rooms) => activityRouter({ db: deps.db, rooms }),
    flush: () => recorder.flush(),
  };
}
