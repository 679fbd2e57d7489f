import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate } from './craft-update.ts';
import { hasPendingState, inspectUpdate } from './inspect-update.ts';
import { applyRaw, captureUpdate, cloneDoc, newDoc, syncDocs } from './update-fixtures.ts';

/**
 * Each case also applies the update with raw Yjs to a copy of the doc, to prove the point of
 * rejecting it: Yjs would not fail, it would park the update as invisible pending state.
 */
function expectMissing(server: Y.Doc, update: Uint8Array, missing: [number, number][]): void {
  expect(inspectUpdate(server, update)).toEqual({ kind: 'missing-dependencies', missing: new Map(missing) });
  const raw = applyRaw(cloneDoc(server), update);
  expect(raw).toEqual({ threw: false, pending: true });
}

describe('inspectUpdate: missing dependencies', () => {
  it('reports a client’s second update without its first (UV4)', () => {
    const server = newDoc(1);
    const client = newDoc(2);
    captureUpdate(client, (doc) => doc.getText('t').insert(0, 'first'));
    const second = captureUpdate(client, (doc) => doc.getText('t').insert(5, ' second'));
    expectMissing(server, second, [[2, 0]]);
  });

  it('reports the clock the doc needs next when it has some of the client’s updates (UV4, UV11)', () => {
    const server = newDoc(1);
    const client = newDoc(2);
    Y.applyUpdate(
      server,
      captureUpdate(client, (doc) => doc.getText('t').insert(0, 'abc')),
    );
    captureUpdate(client, (doc) => doc.getText('t').insert(3, 'def'));
    const third = captureUpdate(client, (doc) => doc.getText('t').insert(6, 'ghi'));
    expectMissing(server, third, [[2, 3]]);
  });

  it('reports an insert whose origin is another client’s item the doc has not seen (UV5)', () => {
    const server = newDoc(1);
    const alice = newDoc(2);
    const bob = newDoc(3);
    captureUpdate(alice, (doc) => doc.getText('t').insert(0, 'alice'));
    syncDocs(alice, bob);
    const bobsInsert = captureUpdate(bob, (doc) => doc.getText('t').insert(5, '+bob'));
    expectMissing(server, bobsInsert, [[2, 0]]);
  });

  it('reports a first key in a nested map whose parent map the doc has not seen (UV5)', () => {
    const server = newDoc(1);
    const alice = newDoc(2);
    const bob = newDoc(3);
    captureUpdate(alice, (doc) => doc.getArray('cards').push([new Y.Map()]));
    syncDocs(alice, bob);
    const bobsSet = captureUpdate(bob, (doc) => doc.getArray<Y.Map<number>>('cards').get(0).set('k', 1));
    expectMissing(server, bobsSet, [[2, 0]]);
  });

  it('reports a delete of items the doc has not seen (UV7)', () => {
    const server = newDoc(1);
    const alice = newDoc(2);
    const bob = newDoc(3);
    captureUpdate(alice, (doc) => doc.getText('t').insert(0, 'alice'));
    syncDocs(alice, bob);
    const bobsDelete = captureUpdate(bob, (doc) => doc.getText('t').delete(1, 2));
    expectMissing(server, bobsDelete, [[2, 0]]);
    const raw = cloneDoc(server);
    Y.applyUpdate(raw, bobsDelete);
    expect(raw.store.pendingDs).not.toBeNull();
  });

  it('reports a delete range that runs past the clocks the doc and the update know (UV7)', () => {
    const server = newDoc(1);
    Y.applyUpdate(
      server,
      captureUpdate(newDoc(2), (doc) => doc.getText('t').insert(0, 'abc')),
    );
    expectMissing(server, craftUpdate({ clients: [], deletes: [{ client: 2, ranges: [[1, 5]] }] }), [[2, 3]]);
  });

  it('reports a merged update whose Skip covers clocks the doc lacks (UV4)', () => {
    const server = newDoc(1);
    const client = newDoc(2);
    const first = captureUpdate(client, (doc) => doc.getText('t').insert(0, 'ab'));
    captureUpdate(client, (doc) => doc.getText('t').insert(2, 'cd'));
    const third = captureUpdate(client, (doc) => doc.getText('t').insert(4, 'ef'));
    expectMissing(server, Y.mergeUpdates([first, third]), [[2, 2]]);
  });

  it('reports structs that depend on each other in a cycle, which Yjs parks (UV5)', () => {
    // Crafted: 2:0 has origin 3:0 and 3:0 has origin 2:0. Yjs's walk cannot order them.
    const update = craftUpdate({
      clients: [
        { client: 3, clock: 0, structs: [{ origin: [2, 0], content: { any: [1] } }] },
        { client: 2, clock: 0, structs: [{ origin: [3, 0], content: { any: [2] } }] },
      ],
    });
    // Yjs walks client 3 first, follows its origin into client 2, and finds 3:0 unintegrated.
    expectMissing(newDoc(1), update, [[3, 0]]);
  });

  it('still accepts the second update once the first has been applied (UV9)', () => {
    const server = newDoc(1);
    const client = newDoc(2);
    const first = captureUpdate(client, (doc) => doc.getText('t').insert(0, 'first'));
    const second = captureUpdate(client, (doc) => doc.getText('t').insert(5, ' second'));
    expect(inspectUpdate(server, second).kind).toBe('missing-dependencies');
    expect(inspectUpdate(server, first).kind).toBe('ok');
    Y.applyUpdate(server, first);
    expect(inspectUpdate(server, second).kind).toBe('ok');
    Y.applyUpdate(server, second);
    expect(hasPendingState(server)).toBe(false);
    expect(server.getText('t').toJSON()).toBe('first second');
  });
});
