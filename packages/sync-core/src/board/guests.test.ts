import { describe, expect, it } from 'vitest';
import { addGuest } from './guests.ts';
import { readBoard } from './read-board.ts';
import { expectFailure, newBoard, snapshot, unwrap } from './test-support.ts';

describe('addGuest', () => {
  it('adds a guest with defaults, in the order added', () => {
    const { doc } = newBoard();
    const first = unwrap(addGuest(doc, { name: '  张伟 ' }));
    const second = unwrap(
      addGuest(doc, {
        name: '刘洋',
        company: '华东数据科技有限公司',
        title: '总经理',
        tags: ['vip', 'speaker', 'vip'],
        host: '王芳',
        seat: 'A区 3排5座',
        plusOnes: 1,
        walkIn: true,
      }),
    );
    const guests = readBoard(doc).guests;
    expect(guests.map((guest) => guest.id)).toEqual([first, second]);
    expect(guests[0]).toEqual({
      id: first,
      name: '张伟',
      company: '',
      title: '',
      tags: [],
      host: '',
      seat: '',
      plusOnes: 0,
      walkIn: false,
      checkIn: null,
    });
    expect(guests[1]).toMatchObject({
      tags: ['vip', 'speaker'],
      plusOnes: 1,
      walkIn: true,
      seat: 'A区 3排5座',
    });
  });

  it('rejects a blank name, an unknown tag and a negative plus-one count without writing', () => {
    const { doc } = newBoard();
    const before = snapshot(doc);
    expectFailure(addGuest(doc, { name: '   ' }), 'invalid_input');
    expect(
      expectFailure(addGuest(doc, { name: '王五', tags: ['celebrity' as 'vip'] }), 'invalid_input').message,
    ).toMatch(/tags/);
    expectFailure(addGuest(doc, { name: '王五', plusOnes: -1 }), 'invalid_input');
    expect(snapshot(doc)).toEqual(before);
  });

  it('refuses contact data, which belongs in the contacts document', () => {
    const { doc } = newBoard();
    const before = snapshot(doc);
    // @ts-expect-error phone is not a guest field any more (see setGuestContact)
    const error = expectFailure(addGuest(doc, { name: '刘洋', phone: '13812345678' }), 'invalid_input');
    expect(error.message).toMatch(/phone/);
    expect(snapshot(doc)).toEqual(before);
  });
});
