import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { createMemoryDocStore } from '@pairboard/sync-core/testing';
import type { BusHandler, ClusterBus } from '../cluster/bus.ts';
import { createMetrics } from '../metrics.ts';
import { waitUntil } from '../testing/wait-for.ts';
import { Room, type RoomPeer } from './room.ts';

/** Buses of several "instances" in one process: a message reaches the others a tick later. */
function linkedBuses(count: number): ClusterBus[] {
  const subscribers = new Map<string, Set<{ instance: string; handler: BusHandler }>>();
  return Array.from({ length: count }, (_, i) => {
    const instanceId = `instance-${i}`;
    return {
      instanceId,
      clustered: true,
      publish(channel, payload) {
        for (const sub of subscribers.get(channel) ?? []) {
          if (sub.instance !== instanceId) setImmediate(() => sub.handler(payload, instanceId));
        }
      },
      subscribe(channel, handler) {
        const entry = { instance: instanceId, handler };
        const set = subscribers.get(channel) ?? new Set();
        set.add(entry);
        subscribers.set(channel, set);
        return Promise.resolve(() => set.delete(entry));
      },
      onResubscribed: () => () => undefined,
      close: () => Promise.resolve(),
    };
  });
}

function peer(name: string): RoomPeer {
  return {
    id: name,
    authorId: name,
    writePolicy: { kind: 'all' },
    awarenessClients: new Set(),
    resyncRequested: false,
    send: () => undefined,
    sendPrepared: () => undefined,
    sendSyncAnswer: () => undefined,
    close: () => undefined,
  };
}

describe('two instances writing one board at once (SY14)', () => {
  it('store every update once, under seqs without a hole, and converge', async () => {
    const store = createMemoryDocStore();
    store.createBoard('board');
    const seed = new Y.Doc();
    seed.getMap('notes').set('created', 'yes');
    await store.append('board', [{ seq: 1, bytes: Y.encodeStateAsUpdate(seed), author: null }]);
    const metrics = createMetrics();
    const logger = pino({ level: 'silent' });
    const rooms = await Promise.all(
      linkedBuses(2).map((bus) =>
        Room.load('board', {
          store,
          logger,
          metrics,
          bus,
          compactAfterUpdates: 10_000,
          onEmpty: () => undefined,
          onBroken: () => {
            throw new Error('a room broke');
          },
        }),
      ),
    );
    const [first, second] = rooms;
    if (!first || !second) throw new Error('board not loaded');
    const writers = [first, second].map((room, i) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(seed));
      const author = peer(`writer-${i}`);
      client.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') room.receiveUpdate(author, update, false);
      });
      return client;
    });
    // Both instances take seqs at the same moments: their appends collide on the same seqs.
    for (let n = 0; n < 40; n += 1) {
      writers.forEach((client, i) => client.getMap('notes').set(`w${i}-${n}`, `edit ${n}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const notes = (doc: Y.Doc) => JSON.stringify([...doc.getMap('notes').entries()].sort());
    await waitUntil(() => first.doc.getMap('notes').size === 81 && notes(second.doc) === notes(first.doc), {
      message: 'both instances hold all 80 edits',
    });
    await first.flush();
    await second.flush();
    const log = await store.load('board');
    const seqs = log?.updates.map((update) => update.seq) ?? [];
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const bytes = new Set(log?.updates.map((update) => Buffer.from(update.bytes).toString('base64')));
    expect(bytes.size).toBe(seqs.length);
    // The race was run, not avoided: beyond the two loads, the rooms read the log again.
    expect((await metrics.catchUps.get()).values[0]?.value ?? 0).toBeGreaterThan(2);
    for (const room of rooms) room?.destroy();
  });
});
