import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, type CraftedUpdate } from './craft-update.ts';
import { inspectUpdate } from './inspect-update.ts';
import { applyRaw, buildSampleDoc, captureUpdate, cloneDoc, newDoc } from './update-fixtures.ts';

/** A server doc holding client 2's text 'hello' (clocks 0..4) in root text 't'. */
function serverWithHello(): Y.Doc {
  const server = newDoc(1);
  Y.applyUpdate(
    server,
    captureUpdate(newDoc(2), (doc) => doc.getText('t').insert(0, 'hello')),
  );
  return server;
}

function expectInvalid(doc: Y.Doc, update: Uint8Array, reason: RegExp): void {
  const verdict = inspectUpdate(doc, update);
  expect(verdict.kind).toBe('invalid');
  expect(verdict.kind === 'invalid' && verdict.reason).toMatch(reason);
}

const single = (structs: CraftedUpdate['clients'][number]['structs']): Uint8Array =>
  craftUpdate({ clients: [{ client: 3, clock: 0, structs }] });

describe('inspectUpdate: invalid encoding (UV1, UV2)', () => {
  it('rejects trailing bytes after the delete set, which Yjs would silently ignore (UV2)', () => {
    const update = Y.encodeStateAsUpdate(buildSampleDoc());
    expectInvalid(newDoc(1), Uint8Array.from([...update, 0]), /1 trailing bytes/);
    expectInvalid(newDoc(1), Uint8Array.from([...update, 7, 7, 7]), /3 trailing bytes/);
    expect(applyRaw(newDoc(1), Uint8Array.from([...update, 0]))).toEqual({ threw: false, pending: false });
  });

  it('rejects a V2-encoded update: only V1 (what y-websocket sends) is accepted (UV1)', () => {
    expect(inspectUpdate(newDoc(1), Y.encodeStateAsUpdateV2(buildSampleDoc())).kind).toBe('invalid');
  });

  it('rejects every strict prefix of a sample update, including those Yjs applies halfway before throwing (UV1)', () => {
    const update = Y.encodeStateAsUpdate(buildSampleDoc());
    let appliedHalfway = 0;
    for (let length = 0; length < update.length; length++) {
      const prefix = update.slice(0, length);
      expect(inspectUpdate(newDoc(1), prefix).kind, `prefix of ${length} bytes`).toBe('invalid');
      const raw = newDoc(1);
      const { threw } = applyRaw(raw, prefix);
      if (threw && raw.store.clients.size > 0) appliedHalfway++;
    }
    // The reason for validating first: Y.applyUpdate is not atomic.
    expect(appliedHalfway).toBeGreaterThan(0);
  });

  it('rejects every strict prefix of a merged multi-client update with deletes (UV1)', () => {
    const alice = newDoc(2);
    const first = captureUpdate(alice, (doc) => doc.getText('t').insert(0, 'abcdef'));
    const second = captureUpdate(alice, (doc) => doc.getText('t').delete(1, 3));
    const third = captureUpdate(newDoc(3), (doc) => doc.getMap('m').set('k', { deep: [1, 2] }));
    const merged = Y.mergeUpdates([first, second, third]);
    for (let length = 0; length < merged.length; length++) {
      expect(inspectUpdate(newDoc(1), merged.slice(0, length)).kind, `prefix of ${length} bytes`).toBe(
        'invalid',
      );
    }
  });

  it('rejects an any-value whose last tag lib0 reads past the end without a bounds check (UV1)', () => {
    // Tag 125 is a varInt: lib0 reads its first byte unchecked, yielding 0 past the end.
    // One client section, one struct of client 3 at clock 0: info 8 (any), parent named 'a', one value.
    const update = Uint8Array.from([1, 1, 3, 0, 8, 1, 1, 0x61, 1, 125]);
    expectInvalid(newDoc(1), update, /truncated update/);
  });

  it('rejects random bytes and the empty byte array (UV1)', () => {
    expectInvalid(newDoc(1), new Uint8Array(), /end of array/i);
    expect(
      inspectUpdate(newDoc(1), Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255])).kind,
    ).toBe('invalid');
  });
});

describe('inspectUpdate: content Yjs cannot read (UV3)', () => {
  it.each([11, 12, 31])('rejects unknown content ref %i', (ref) => {
    expectInvalid(
      newDoc(1),
      single([{ content: { ref, bytes: [0] } }]),
      new RegExp(`unknown content ref ${ref}`),
    );
  });

  it('rejects an unknown shared-type ref, which makes Yjs throw', () => {
    const update = single([{ content: { type: 7 } }]);
    expectInvalid(newDoc(1), update, /unknown type ref 7/);
    expect(applyRaw(newDoc(1), update).threw).toBe(true);
  });

  it('rejects an embed whose JSON does not parse, which makes Yjs throw', () => {
    const update = single([{ content: { embedJson: '{nope' } }]);
    expect(inspectUpdate(newDoc(1), update).kind).toBe('invalid');
    expect(applyRaw(newDoc(1), update).threw).toBe(true);
  });

  it('rejects an embedded subdocument with a clear reason (out of scope for boards)', () => {
    const doc = newDoc(5);
    doc.getMap('m').set('sub', new Y.Doc());
    expectInvalid(newDoc(1), Y.encodeStateAsUpdate(doc), /subdocuments \(ContentDoc\) are not supported/);
  });

  it('accepts every content kind a board writes (sanity check for the rejections above)', () => {
    expect(inspectUpdate(newDoc(1), Y.encodeStateAsUpdate(buildSampleDoc())).kind).toBe('ok');
  });
});

describe('inspectUpdate: structurally wrong updates (UV3, UV6)', () => {
  it('rejects a parent ID pointing at a text item in the doc, which Yjs would silently GC (UV6)', () => {
    const server = serverWithHello();
    const update = single([{ parent: { id: [2, 2] }, parentSub: 'k', content: { any: [1] } }]);
    expectInvalid(server, update, /parent 2:2 of item 3:0 is not a shared type/);
    const raw = cloneDoc(server);
    expect(applyRaw(raw, update)).toEqual({ threw: false, pending: false });
    expect(Y.getItem(raw.store, Y.createID(3, 0))).toBeInstanceOf(Y.GC);
  });

  it('rejects a parent ID pointing at a non-type item in the same update (UV6)', () => {
    const update = single([
      { content: { string: 'abc' } },
      { parent: { id: [3, 1] }, content: { any: [1] } },
    ]);
    expectInvalid(newDoc(1), update, /parent 3:1 of item 3:3 is not a shared type/);
  });

  it('accepts a parent ID pointing at a shared type in the same update, and a named parent (UV6)', () => {
    const update = single([
      { content: { type: 1 } },
      { parent: { id: [3, 0] }, parentSub: 'k', content: { any: [1] } },
    ]);
    expect(inspectUpdate(newDoc(1), update).kind).toBe('ok');
  });

  it('rejects a reference to the item’s own client at or after its clock, which makes Yjs throw halfway', () => {
    const update = single([{ content: { string: 'ab' } }, { origin: [3, 9], content: { any: [1] } }]);
    expectInvalid(newDoc(1), update, /item 3:2 references its own client at 9/);
    const raw = newDoc(1);
    expect(applyRaw(raw, update).threw).toBe(true);
    expect(Y.getState(raw.store, 3)).toBe(2);
  });

  it('rejects a client with two struct sections, of which Yjs would silently drop the first', () => {
    const update = craftUpdate({
      clients: [
        { client: 3, clock: 0, structs: [{ content: { string: 'ab' } }] },
        { client: 3, clock: 2, structs: [{ origin: [3, 1], content: { string: 'cd' } }] },
      ],
    });
    expectInvalid(newDoc(1), update, /client 3 has more than one struct section/);
  });

  it.each<[string, Uint8Array]>([
    ['an empty string item', single([{ content: { string: '' } }])],
    ['an empty any item', single([{ content: { any: [] } }])],
    ['a GC struct of length 0', single([{ gc: 0 }])],
    ['a Skip of length 0', single([{ skip: 0 }])],
    ['a deleted range of length 0', craftUpdate({ clients: [], deletes: [{ client: 2, ranges: [[0, 0]] }] })],
  ])('rejects %s (zero-length structs confuse Yjs’s binary searches)', (_name, update) => {
    expectInvalid(serverWithHello(), update, /zero length|empty item/);
  });

  it('rejects parent info other than 0 (ID) or 1 (name)', () => {
    expectInvalid(
      newDoc(1),
      single([{ parent: { rawInfo: 2 }, content: { any: [1] } }]),
      /parent info must be 0 or 1/,
    );
  });

  it('rejects flags on a GC struct', () => {
    expectInvalid(
      newDoc(1),
      craftUpdate({ clients: [{ client: 3, clock: 0, structs: [{ info: 0x80, content: { deleted: 1 } }] }] }),
      /flags set/,
    );
  });

  it('rejects a struct count larger than the structs present', () => {
    const update = craftUpdate({
      clients: [{ client: 3, clock: 0, count: 2, structs: [{ content: { any: [1] } }] }],
    });
    expect(inspectUpdate(newDoc(1), update).kind).toBe('invalid');
  });
});
