import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readGuestContacts } from '../board/contacts.ts';
import { addGuest } from '../board/guests.ts';
import { readBoard } from '../board/read-board.ts';
import { newBoard } from '../board/test-support.ts';
import { applyGuestImport } from './apply-import.ts';
import type { ImportedGuest } from './parse-row.ts';

function guest(name: string, extra: Partial<ImportedGuest> = {}): ImportedGuest {
  return {
    name,
    company: '',
    title: '',
    tags: [],
    host: '',
    seat: '',
    plusOnes: 0,
    phone: '',
    email: '',
    notes: '',
    ...extra,
  };
}

function countUpdates(doc: Y.Doc): () => number {
  let updates = 0;
  doc.on('update', () => (updates += 1));
  return () => updates;
}

describe('applyGuestImport', () => {
  it('adds every guest after the existing ones and their contacts, one update per document', () => {
    const { doc } = newBoard();
    const contactsDoc = new Y.Doc();
    addGuest(doc, { name: '已有嘉宾' });
    const mainUpdates = countUpdates(doc);
    const contactUpdates = countUpdates(contactsDoc);
    const result = applyGuestImport(doc, contactsDoc, [
      guest('张伟', { tags: ['vip'], plusOnes: 1, phone: '13800138001', notes: '素食' }),
      guest('李娜'),
    ]);
    expect(result.ok).toBe(true);
    expect(readBoard(doc).guests.map((g) => g.name)).toEqual(['已有嘉宾', '张伟', '李娜']);
    expect(readBoard(doc).guests[1]).toMatchObject({
      tags: ['vip'],
      plusOnes: 1,
      walkIn: false,
      checkIn: null,
    });
    const ids = result.ok ? result.value : [];
    expect([...readGuestContacts(contactsDoc).values()]).toEqual([
      { guestId: ids[0], phone: '13800138001', email: '', notes: '素食' },
    ]);
    expect([mainUpdates(), contactUpdates()]).toEqual([1, 1]);
  });

  it('writes nothing to either document when one guest breaks a board limit', () => {
    const { doc } = newBoard();
    const contactsDoc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const result = applyGuestImport(doc, contactsDoc, [
      guest('张伟'),
      guest('李娜', { seat: 'x'.repeat(101) }),
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^import row 2: invalid guest: seat/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readGuestContacts(contactsDoc).size).toBe(0);
  });

  it('keeps list order across imports', () => {
    const { doc } = newBoard();
    const contactsDoc = new Y.Doc();
    applyGuestImport(doc, contactsDoc, [guest('一'), guest('二')]);
    applyGuestImport(doc, contactsDoc, [guest('三')]);
    expect(readBoard(doc).guests.map((g) => g.name)).toEqual(['一', '二', '三']);
  });
});
