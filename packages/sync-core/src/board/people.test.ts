import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addPair, addPerson } from './people.ts';
import { readBoard } from './read-board.ts';
import { ALICE, BOB, expectFailure, newBoard, snapshot, unwrap } from './test-support.ts';

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
    expectFailure(addPerson(doc, { id: ALICE.id, name: '别人', position: 'onsite' }), 'invalid_state');
    expect(
      expectFailure(
        addPerson(doc, { id: 'u-x', name: '某人', position: 'office' as 'onsite' }),
        'invalid_input',
      ).message,
    ).toMatch(/position/);
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
    expectFailure(addPair(doc, { name: '二组', onsiteId: 'u-nobody', remoteId: BOB.id }), 'not_found');
    expectFailure(addPair(doc, { name: '二组', onsiteId: BOB.id, remoteId: ALICE.id }), 'invalid_input');
    expectFailure(addPair(doc, { name: '', onsiteId: ALICE.id, remoteId: BOB.id }), 'invalid_input');
    expect(snapshot(doc)).toEqual(before);
  });
});
