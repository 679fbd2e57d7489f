import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { eraseGuestContact, observeGuestContacts, readGuestContacts, setGuestContact } from './contacts.ts';
import { contactsDocName } from './layout.ts';
import { expectFailure, replicaOf, sendUpdates, snapshot, sync, unwrap } from './test-support.ts';

const GUEST = 'g-liuyang';

/** A contacts doc holding one guest's phone, email and note. */
function contactsWithGuest(): Y.Doc {
  const doc = new Y.Doc();
  unwrap(setGuestContact(doc, GUEST, { phone: '13812345678', email: 'liu.yang@example.cn', notes: '素食' }));
  return doc;
}

/** Whether `text` appears anywhere in the doc's encoded state (what a new replica would receive). */
function stateContains(doc: Y.Doc, text: string): boolean {
  return new TextDecoder().decode(Y.encodeStateAsUpdate(doc)).includes(text);
}

describe('setGuestContact / readGuestContacts', () => {
  it('creates an entry, trims, and changes only the fields given', () => {
    const doc = new Y.Doc();
    unwrap(setGuestContact(doc, GUEST, { phone: ' 13812345678 ' }));
    expect(readGuestContacts(doc).get(GUEST)).toEqual({
      guestId: GUEST,
      phone: '13812345678',
      email: '',
      notes: '',
    });
    unwrap(setGuestContact(doc, GUEST, { email: 'liu.yang@example.cn', notes: '素食' }));
    unwrap(setGuestContact(doc, 'g-other', {}));
    expect([...readGuestContacts(doc).values()]).toEqual([
      { guestId: 'g-liuyang', phone: '13812345678', email: 'liu.yang@example.cn', notes: '素食' },
      { guestId: 'g-other', phone: '', email: '', notes: '' },
    ]);
  });

  it('writes nothing when the values are unchanged', () => {
    const doc = contactsWithGuest();
    const before = snapshot(doc);
    unwrap(setGuestContact(doc, GUEST, { phone: '13812345678', notes: '素食' }));
    expect(snapshot(doc)).toEqual(before);
  });

  it('refuses too-long values, unknown fields and bad guest ids without writing', () => {
    const doc = contactsWithGuest();
    const before = snapshot(doc);
    expect(
      expectFailure(setGuestContact(doc, GUEST, { phone: '1'.repeat(51) }), 'invalid_input').message,
    ).toMatch(/phone/);
    // @ts-expect-error a guest's name lives in the main document
    expect(expectFailure(setGuestContact(doc, GUEST, { name: '刘洋' }), 'invalid_input').message).toMatch(
      /name/,
    );
    expectFailure(setGuestContact(doc, GUEST, { email: 42 as unknown as string }), 'invalid_input');
    expectFailure(setGuestContact(doc, '', { phone: '1' }), 'invalid_input');
    expectFailure(setGuestContact(doc, 'x'.repeat(65), { phone: '1' }), 'invalid_input');
    expect(snapshot(doc)).toEqual(before);
  });

  it('keeps concurrent edits of different fields of one contact', () => {
    const a = contactsWithGuest();
    const b = replicaOf(a);
    unwrap(setGuestContact(a, GUEST, { phone: '13900000000' }));
    unwrap(setGuestContact(b, GUEST, { notes: '坐轮椅，需无障碍通道' }));
    sync(a, b);
    expect(readGuestContacts(a)).toEqual(readGuestContacts(b));
    expect(readGuestContacts(a).get(GUEST)).toMatchObject({
      phone: '13900000000',
      notes: '坐轮椅，需无障碍通道',
    });
  });

  it('skips entries a foreign client wrote with the wrong shape', () => {
    const doc = contactsWithGuest();
    const root = doc.getMap('guestContacts');
    root.set('junk', 'not a map');
    const odd = new Y.Map<unknown>();
    root.set('g-odd', odd);
    odd.set('phone', 13812345678);
    expect([...readGuestContacts(doc).keys()]).toEqual(['g-liuyang', 'g-odd']);
    expect(readGuestContacts(doc).get('g-odd')).toEqual({
      guestId: 'g-odd',
      phone: '',
      email: '',
      notes: '',
    });
  });
});

describe('eraseGuestContact', () => {
  it('deletes the entry, and the values leave the state of every replica that receives it', () => {
    const doc = contactsWithGuest();
    const other = replicaOf(doc);
    unwrap(eraseGuestContact(doc, GUEST));
    expect(readGuestContacts(doc).has(GUEST)).toBe(false);
    sendUpdates(doc, other);
    for (const replica of [doc, other]) {
      expect(readGuestContacts(replica).size).toBe(0);
      for (const text of ['13812345678', 'liu.yang@example.cn', '素食']) {
        expect(stateContains(replica, text), text).toBe(false);
      }
    }
  });

  it('leaves no trace of an overwritten value either', () => {
    const doc = contactsWithGuest();
    unwrap(setGuestContact(doc, GUEST, { phone: '13900000000' }));
    expect(stateContains(doc, '13812345678')).toBe(false);
    expect(stateContains(doc, '13900000000')).toBe(true);
  });

  it('answers not_found for a guest without contact data, writing nothing', () => {
    const doc = contactsWithGuest();
    const before = snapshot(doc);
    expectFailure(eraseGuestContact(doc, 'g-nobody'), 'not_found');
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('observeGuestContacts', () => {
  it('reports each local and remote change once with its origin, until unsubscribed', () => {
    const doc = new Y.Doc();
    const remote = new Y.Doc();
    const origins: unknown[] = [];
    const stop = observeGuestContacts(doc, (origin) => origins.push(origin));
    unwrap(setGuestContact(doc, GUEST, { phone: '13812345678', email: 'liu.yang@example.cn' }, 'ui'));
    unwrap(setGuestContact(remote, 'g-2', { phone: '13700000000' }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'sync');
    unwrap(eraseGuestContact(doc, GUEST));
    expect(origins).toEqual(['ui', 'sync', null]);
    stop();
    unwrap(setGuestContact(doc, 'g-2', { notes: '迟到' }));
    expect(origins).toHaveLength(3);
  });
});

describe('contactsDocName', () => {
  it('appends ~contacts, which a board id cannot contain', () => {
    expect(contactsDocName('demo-smart-city-summit')).toBe('demo-smart-city-summit~contacts');
  });
});
