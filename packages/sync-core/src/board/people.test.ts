import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addPair, addPerson } from './people.ts';
import { readBoard } from './read-board.ts';
import { ALICE, BOB, newBoard, snapshot, unwrap } from './test-support.ts';

describe('addPerson', () => {
  it('adds people in the order they were added, under the given id', () => {
    const doc = new Y.Doc();
    expect(unwrap(addPerson(doc, { id: 'u-2', name: '赵磊', position: 'remote' }))).toBe('u-2');
    unwrap(addPerson(doc, { id: 'u-1', name: '孙丽', position: 'onsite' }));
    expect(readBoard(doc).people).toEqual([
      { id: 'u-2', name: '赵磊', position: 'remote' },
      { id: 'u-1', name: '孙丽', position: 'onsite' },
    ]);
  });

  it('rejects a duplicate id and an invalid position without writing', () => {
    const { doc } = newBoard();
    const before = snapshot(doc);
    const duplicate = addPerson(doc, { id: ALICE.id, name: '别人', position: 'onsite' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const invalid = addPerson(doc, { id: 'u-x', name: '某人', position: 'office' as 'onsite' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!invalid.ok && invalid.error.message).toMatch(/position/);
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('addPair', () => {
  it('pairs an on-site and a remote person', () => {
    const { doc, pairId } = newBoard();
    expect(readBoard(doc).pairs).toEqual([
      { id: pairId, name: '一组', onsiteId: ALICE.id, remoteId: BOB.id },
    ]);
  });

  it('rejects unknown people and swapped positions', () => {
    const { doc } = newBoard();
    const before = snapshot(doc);
    expect(addPair(doc, { name: '二组', onsiteId: 'u-nobody', remoteId: BOB.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(addPair(doc, { name: '二组', onsiteId: BOB.id, remoteId: ALICE.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(addPair(doc, { name: '', onsiteId: ALICE.id, remoteId: BOB.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(snapshot(doc)).toEqual(before);
  });
});
