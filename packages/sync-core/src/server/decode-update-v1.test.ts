import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateV1 } from './decode-update-v1.ts';
import { buildSampleDoc, captureUpdate, newDoc, syncDocs } from './update-fixtures.ts';

/** The decoder's view of an update, in the shape `Y.decodeUpdate` can be reduced to. */
function ourView(update: Uint8Array) {
  const decoded = decodeUpdateV1(update);
  return {
    structs: decoded.clients.flatMap((run) => run.structs.map((s) => [s.kind, s.client, s.clock, s.length])),
    deletes: decoded.deletes.map((d) => [d.client, d.clock, d.length]),
  };
}

function yjsView(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update);
  return {
    structs: structs.map((s) => [
      s instanceof Y.GC ? 'gc' : s instanceof Y.Item ? 'item' : 'skip',
      s.id.client,
      s.id.clock,
      s.length,
    ]),
    deletes: [...ds.clients.entries()].flatMap(([client, items]) =>
      items.map((d) => [client, d.clock, d.len]),
    ),
  };
}

function twoClientMergedUpdate(): Uint8Array {
  const a = newDoc(11);
  const b = newDoc(22);
  const first = captureUpdate(a, (doc) => doc.getText('t').insert(0, 'abc'));
  syncDocs(a, b);
  const second = captureUpdate(b, (doc) => doc.getText('t').insert(1, 'XY'));
  const third = captureUpdate(a, (doc) => doc.getText('t').delete(0, 1));
  return Y.mergeUpdates([first, second, third]);
}

describe('decodeUpdateV1', () => {
  const cases: [string, () => Uint8Array][] = [
    ['a full sample board state', () => Y.encodeStateAsUpdate(buildSampleDoc())],
    ['a single transaction update', () => captureUpdate(newDoc(3), (doc) => doc.getMap('m').set('k', 'v'))],
    ['a merged update from two clients with deletes', twoClientMergedUpdate],
    ['the empty update', () => new Uint8Array([0, 0])],
  ];

  it.each(cases)('reads the same structs and delete set as Y.decodeUpdate for %s (UV1)', (_name, make) => {
    const update = make();
    expect(ourView(update)).toEqual(yjsView(update));
  });

  it('marks garbage-collected content as GC structs and gaps in merged updates as Skips (UV4)', () => {
    const doc = newDoc(5);
    const first = captureUpdate(doc, (d) => d.getText('t').insert(0, 'ab'));
    captureUpdate(doc, (d) => d.getText('t').insert(2, 'cd'));
    const third = captureUpdate(doc, (d) => d.getText('t').insert(4, 'ef'));
    const kinds = ourView(Y.mergeUpdates([first, third])).structs.map(([kind]) => kind);
    expect(kinds).toContain('skip');
  });
});
