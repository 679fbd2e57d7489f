// Test-only helpers (not exported from index.ts): real docs and real updates for the UV tests.
import * as Y from 'yjs';

/** A doc with a fixed client id, so updates and verdicts are reproducible. */
export function newDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** Runs `change` in one transaction and returns the update Yjs emits for it (what y-websocket sends). */
export function captureUpdate(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', onUpdate);
  doc.transact(() => change(doc));
  doc.off('update', onUpdate);
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`);
  return updates[0] as Uint8Array;
}

/** Brings `to` up to date with `from`. */
export function syncDocs(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** A fresh doc with the same content (tests only: the validator must never clone). */
export function cloneDoc(doc: Y.Doc, clientID = 999): Y.Doc {
  const clone = newDoc(clientID);
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc));
  return clone;
}

/** What raw `Y.applyUpdate` does with an update: whether it threw and whether it parked state. */
export function applyRaw(doc: Y.Doc, update: Uint8Array): { threw: boolean; pending: boolean } {
  let threw = false;
  try {
    Y.applyUpdate(doc, update);
  } catch {
    threw = true;
  }
  return { threw, pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
}

/**
 * What a doc shows under the root names these tests use (text with formatting as a delta), plus
 * its state vector: equality that ignores struct boundaries. Root types must be read with their
 * real type: a doc that only received updates holds them untyped.
 */
export function docFingerprint(doc: Y.Doc): Record<string, unknown> {
  return {
    notes: doc.getText('notes').toDelta(),
    scratch: doc.getText('scratch').toDelta(),
    items: doc.getArray('items').toJSON(),
    meta: doc.getMap('meta').toJSON(),
    xml: doc.getXmlFragment('xml').toJSON(),
    stateVector: [...Y.encodeStateVector(doc)],
  };
}

/** One board-like doc touching every content kind the board uses: text, formats, embeds, any, binary, nested types, XML, deletes. */
export function buildSampleDoc(clientID = 7): Y.Doc {
  const doc = newDoc(clientID);
  doc.transact(() => {
    const notes = doc.getText('notes');
    notes.insert(0, 'Guest list ready for 张三');
    notes.format(0, 5, { bold: true });
    notes.insertEmbed(5, { image: 'door.png' });
    const items = doc.getArray<unknown>('items');
    items.push([1, 'two', { three: [3] }, null, true, new Uint8Array([1, 2, 3])]);
    const card = new Y.Map<unknown>();
    items.push([card]);
    card.set('title', 'Door');
    card.set('text', new Y.Text('hi'));
    const xml = doc.getXmlFragment('xml');
    const paragraph = new Y.XmlElement('p');
    xml.push([paragraph]);
    paragraph.push([new Y.XmlText('x')]);
  });
  doc.transact(() => {
    doc.getText('notes').delete(0, 6);
    doc.getArray('items').delete(0, 2);
  });
  return doc;
}

/** The nested card map of `buildSampleDoc` (the last entry of `items`). */
export function sampleCard(doc: Y.Doc): Y.Map<unknown> {
  const items = doc.getArray<unknown>('items');
  const card = items.get(items.length - 1);
  if (!(card instanceof Y.Map)) throw new Error('sample doc has no card map at the end of items');
  return card;
}
