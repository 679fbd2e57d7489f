import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, addPair, addPerson, initBoard, readBoard, addChecklist, addSection } from '../index.ts';
import { setItemDue, setItemOwner } from './item-assignment.ts';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    name: '发布会',
    venue: '',
    timezone: 'Asia/Shanghai',
    startsAt: '2026-11-22T01:00:00.000Z',
    endsAt: '2026-11-22T10:00:00.000Z',
    language: 'zh-CN',
  });
  const checklist = addChecklist(doc, { title: '清单' });
  const section = checklist.ok ? addSection(doc, { checklistId: checklist.value, title: '准备' }) : null;
  const item = section?.ok ? addItem(doc, { sectionId: section.value, title: '布置签到台' }) : null;
  addPerson(doc, { id: 'p1', name: '王芳', position: 'onsite' });
  addPerson(doc, { id: 'p2', name: '李强', position: 'remote' });
  const pair = addPair(doc, { name: '第一组', onsiteId: 'p1', remoteId: 'p2' });
  if (!item?.ok || !pair.ok) throw new Error('setup failed');
  return { doc, itemId: item.value, pairId: pair.value };
}

describe('setItemOwner and setItemDue', () => {
  it('assigns an item to a pair or a person, and clears the owner', () => {
    const { doc, itemId, pairId } = board();
    expect(setItemOwner(doc, itemId, { kind: 'pair', id: pairId }).ok).toBe(true);
    expect(readBoard(doc).items[0]?.owner).toEqual({ kind: 'pair', id: pairId });
    expect(setItemOwner(doc, itemId, { kind: 'person', id: 'p2' }).ok).toBe(true);
    expect(readBoard(doc).items[0]?.owner).toEqual({ kind: 'person', id: 'p2' });
    expect(setItemOwner(doc, itemId, null).ok).toBe(true);
    expect(readBoard(doc).items[0]?.owner).toBeNull();
  });

  it('refuses an owner who is not on the board, and changes nothing', () => {
    const { doc, itemId } = board();
    const before = Y.encodeStateVector(doc);
    const result = setItemOwner(doc, itemId, { kind: 'pair', id: 'no-such-pair' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('sets and clears the due time, and refuses a time without an offset', () => {
    const { doc, itemId } = board();
    expect(setItemDue(doc, itemId, '2026-11-22T09:30:00+08:00').ok).toBe(true);
    expect(readBoard(doc).items[0]?.dueAt).toBe('2026-11-22T09:30:00+08:00');
    const bad = setItemDue(doc, itemId, '明天上午');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(bad.ok ? '' : bad.error.message).toContain('ISO time');
    expect(setItemDue(doc, itemId, null).ok).toBe(true);
    expect(readBoard(doc).items[0]?.dueAt).toBeNull();
  });
});
