import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { onDocChange } from './doc-changes.ts';

/** An update made on another doc, to apply as a client's would be. */
function remoteUpdate(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
  const other = new Y.Doc();
  if (base) Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(other);
  change(other);
  return Y.encodeStateAsUpdate(other, before);
}

describe('onDocChange', () => {
  it('fires exactly when Yjs would emit an update: inserts, deletions, remote updates', () => {
    const doc = new Y.Doc();
    let changes = 0;
    let updates = 0;
    const stop = onDocChange(doc, () => (changes += 1));
    doc.on('update', () => (updates += 1));

    doc.getMap('guests').set('g1', '王芳'); // a local insert
    Y.applyUpdate(
      doc,
      remoteUpdate((d) => d.getMap('guests').set('g2', '李强')),
    ); // a remote one
    doc.getMap('guests').delete('g1'); // a deletion
    doc.transact(() => undefined); // nothing
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(doc)); // what the doc holds already
    expect(changes).toBe(3);
    expect(changes).toBe(updates);

    stop();
    doc.getMap('guests').set('g3', '张伟');
    expect(changes).toBe(3);
  });

  it('fires for a remote update that only deletes', () => {
    const doc = new Y.Doc();
    doc.getMap('items').set('i1', 'stage');
    let changes = 0;
    onDocChange(doc, () => (changes += 1));
    Y.applyUpdate(
      doc,
      remoteUpdate((d) => d.getMap('items').delete('i1'), doc),
    );
    expect(doc.getMap('items').has('i1')).toBe(false);
    expect(changes).toBe(1);
  });
});
