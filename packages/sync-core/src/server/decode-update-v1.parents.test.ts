import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateV1 } from './decode-update-v1.ts';
import { buildSampleDoc, captureUpdate, newDoc, sampleCard, syncDocs } from './update-fixtures.ts';

/** Parent info as the decoder reads it, per item: [client, clock, parentKey, parentId, parentSub]. */
function ourParents(update: Uint8Array) {
  return decodeUpdateV1(update).clients.flatMap((run) =>
    run.structs.flatMap((s) =>
      s.kind === 'item'
        ? [[s.client, s.clock, s.parentKey, s.parentId && [s.parentId.client, s.parentId.clock], s.parentSub]]
        : [],
    ),
  );
}

/** The same from `Y.decodeUpdate`, which leaves a parent it copies from a neighbour null. */
function yjsParents(update: Uint8Array) {
  return Y.decodeUpdate(update).structs.flatMap((s) => {
    if (!(s instanceof Y.Item)) return [];
    const parent = s.parent;
    const key = typeof parent === 'string' ? parent : null;
    const id = parent instanceof Y.ID ? [parent.client, parent.clock] : null;
    return [[s.id.client, s.id.clock, key, id, s.parentSub]];
  });
}

describe('decodeUpdateV1: parent info (WP1)', () => {
  const cases: [string, () => Uint8Array][] = [
    ['a full sample board state', () => Y.encodeStateAsUpdate(buildSampleDoc())],
    [
      'map sets on a root map and in a nested map',
      () => {
        const base = buildSampleDoc();
        const client = newDoc(3);
        syncDocs(base, client);
        return captureUpdate(client, (doc) => {
          doc.getMap('meta').set('title', 'Launch');
          sampleCard(doc).set('title', 'Gate');
          sampleCard(doc).set('fresh', 1);
        });
      },
    ],
  ];

  it.each(cases)('reads parentYKey, parent ID and parentSub like Y.decodeUpdate for %s', (_name, make) => {
    const update = make();
    expect(ourParents(update)).toEqual(yjsParents(update));
  });

  it('keeps the root name and key of a root map set', () => {
    const update = captureUpdate(newDoc(3), (doc) => doc.getMap('guests').set('g1', new Y.Map()));
    expect(ourParents(update)).toEqual([[3, 0, 'guests', null, 'g1']]);
  });
});
