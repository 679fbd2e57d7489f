import * as Y from 'yjs';
import type { Person } from '@pairboard/board-schema';
import { addPerson } from '@pairboard/sync-core';
import type { Logger } from '../logger.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

/**
 * Keeps the board document's `people` (names and positions shown in presence and pairs) in step
 * with membership, which lives in Postgres. Written by the server, so editors cannot forge it.
 */
export class BoardPeople {
  private readonly rooms: RoomRegistry;
  private readonly logger: Logger;

  constructor(rooms: RoomRegistry, logger: Logger) {
    this.rooms = rooms;
    this.logger = logger;
  }

  async upsert(boardId: string, person: Person): Promise<void> {
    await this.rooms.withRoom(boardId, (room) =>
      room.applyServerChange((doc) => {
        // A returning member keeps their entry (pairs refer to it); only name and position change.
        const existing = doc.getMap<unknown>('people').get(person.id);
        if (existing instanceof Y.Map) {
          existing.set('name', person.name);
          existing.set('position', person.position);
          return;
        }
        const added = addPerson(doc, person);
        if (!added.ok)
          this.logger.warn({ boardId, error: added.error }, 'could not add a person to the board');
      }),
    );
  }
}
