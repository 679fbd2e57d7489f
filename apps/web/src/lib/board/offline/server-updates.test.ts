import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyServerUpdate, type UpdateListener } from './server-updates.ts';

const SERVER = Symbol('provider');

/** The server's board: `count` guests, each a map, the way sync-core lays them out. */
function serverDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const guests = doc.getMap<Y.Map<unknown>>('guests');
    for (let i = 0; i < count; i += 1) {
      const guest = new Y.Map<unknown>();
      guest.set('name', `张${i}`);
      guests.set(`g${i}`, guest);
    }
  });
  return doc;
}

/** A phone's doc with a sender and a local copy listening to 'update', as OfflineDoc has. */
function phone() {
  const doc = new Y.Doc();
  const sent: Array<{ update: Uint8Array; origin: unknown }> = [];
  const stored: Array<{ update: Uint8Array; origin: unknown }> = [];
  const send: UpdateListener = (update, origin) => {
    if (origin !== SERVER) sent.push({ update, origin });
  };
  const store: UpdateListener = (update, origin) => stored.push({ update, origin });
  doc.on('update', send);
  doc.on('update', store);
  const receive = (update: Uint8Array, apply = () => Y.applyUpdate(doc, update, SERVER)) =>
    applyServerUpdate(doc, update, SERVER, { detach: [send, store], store }, apply);
  return { doc, sent, stored, receive };
}

/** A doc rebuilt from the local copy alone, as after a reload without network. */
function reloaded(stored: ReadonlyArray<{ update: Uint8Array }>): Y.Doc {
  const doc = new Y.Doc();
  for (const { update } of stored) Y.applyUpdate(doc, update);
  return doc;
}

const guestNames = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>('guests').values()].map((guest) => guest.get('name')).sort();

describe('applyServerUpdate', () => {
  it('applies the update and stores the bytes as received, sending nothing back', () => {
    const server = serverDoc(50);
    const update = Y.encodeStateAsUpdate(server);
    const { doc, sent, stored, receive } = phone();

    receive(update);

    expect(guestNames(doc)).toEqual(guestNames(server));
    expect(sent).toEqual([]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.update).toBe(update);
    expect(guestNames(reloaded(stored))).toEqual(guestNames(server));
  });

  it('stores nothing when the update brings nothing new', () => {
    const update = Y.encodeStateAsUpdate(serverDoc(3));
    const { stored, receive } = phone();
    receive(update);
    receive(update);
    expect(stored).toHaveLength(1);
  });

  it('stores an update that only deletes', () => {
    const server = serverDoc(2);
    const { stored, receive } = phone();
    receive(Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(server);
    server.getMap('guests').delete('g0');

    receive(Y.encodeStateAsUpdate(server, before));

    expect(stored).toHaveLength(2);
    expect(guestNames(reloaded(stored))).toEqual(['张1']);
  });

  it('gives the listeners back: later local changes are sent and stored, also after a failed apply', () => {
    const { doc, sent, stored, receive } = phone();
    receive(Y.encodeStateAsUpdate(serverDoc(2)));
    expect(() =>
      receive(new Uint8Array([1, 2, 3]), () => {
        throw new Error('undecodable');
      }),
    ).toThrow('undecodable');

    doc.getMap('meta').set('name', 'Gala');

    expect(sent).toHaveLength(1);
    expect(stored).toHaveLength(2);
  });

  it('sends and stores a local change made by an observer while the update was applied', () => {
    const server = serverDoc(5);
    const { doc, sent, stored, receive } = phone();
    const guests = doc.getMap<Y.Map<unknown>>('guests');
    const react = () => {
      guests.unobserve(react);
      doc.transact(() => doc.getMap('meta').set('seen', guests.size), 'local');
    };
    guests.observe(react);

    receive(Y.encodeStateAsUpdate(server));

    expect(sent).toHaveLength(1);
    expect(sent[0]?.origin).toBeNull();
    const onServer = serverDoc(0);
    Y.applyUpdate(onServer, sent[0]?.update ?? new Uint8Array());
    expect(onServer.getMap('meta').get('seen')).toBe(5);
    const copy = reloaded(stored);
    expect(copy.getMap('meta').get('seen')).toBe(5);
    expect(guestNames(copy)).toEqual(guestNames(server));
  });

  it('keeps an update Yjs had to park in the local copy, and its parked part once it is integrated', () => {
    const server = serverDoc(1);
    const first = Y.encodeStateAsUpdate(server);
    const before = Y.encodeStateVector(server);
    server.getMap<Y.Map<unknown>>('guests').get('g0')?.set('name', '李四');
    const second = Y.encodeStateAsUpdate(server, before);
    const { doc, stored, receive } = phone();

    receive(second); // its predecessor is missing: Yjs parks it
    expect(doc.getMap('guests').size).toBe(0);
    expect(stored).toHaveLength(1);
    receive(first);

    expect(guestNames(doc)).toEqual(['李四']);
    expect(guestNames(reloaded(stored))).toEqual(['李四']);
    expect(guestNames(reloaded([...stored.slice(0, 1), { update: first }]))).toEqual(['李四']);
  });
});
