import { describe, expect, it } from 'vitest';
import { addChecklist, addItem, addSection } from './checklists.ts';
import { readBoard } from './read-board.ts';
import { ALICE, expectFailure, newBoard, snapshot, unwrap } from './test-support.ts';

describe('addChecklist / addSection / addItem', () => {
  it('builds checklists, sections and items in display order', () => {
    const { doc, pairId } = newBoard();
    const second = unwrap(addChecklist(doc, { title: '复盘与改进' }));
    const first = unwrap(addChecklist(doc, { title: '现场执行与实时记录' }));
    const s1 = unwrap(addSection(doc, { checklistId: second, title: '会后' }));
    const s2 = unwrap(addSection(doc, { checklistId: first, title: '签到' }));
    const s3 = unwrap(addSection(doc, { checklistId: second, title: '报告' }));
    const dueAt = '2026-05-20T02:00:00.000Z';
    const i1 = unwrap(
      addItem(doc, { sectionId: s2, title: '打印胸牌', owner: { kind: 'pair', id: pairId }, dueAt }),
    );
    const i2 = unwrap(addItem(doc, { sectionId: s1, title: '收集反馈' }));
    const i3 = unwrap(
      addItem(doc, { sectionId: s2, title: '布置签到台', owner: { kind: 'person', id: ALICE.id } }),
    );

    const board = readBoard(doc);
    expect(board.checklists.map((c) => c.title)).toEqual(['复盘与改进', '现场执行与实时记录']);
    // Sections group under their checklist, in checklist order.
    expect(board.sections.map((s) => s.id)).toEqual([s1, s3, s2]);
    expect(board.items.map((i) => i.id)).toEqual([i2, i1, i3]);
    expect(board.items[1]).toEqual({
      id: i1,
      sectionId: s2,
      title: '打印胸牌',
      order: expect.any(String) as string,
      owner: { kind: 'pair', id: pairId },
      dueAt,
      status: 'todo',
      doneBy: null,
      doneAt: null,
      verifiedBy: null,
      verifiedAt: null,
    });
  });

  it('rejects unknown parents and owners, and invalid input, without writing', () => {
    const { doc } = newBoard();
    const checklistId = unwrap(addChecklist(doc, { title: '清单' }));
    const sectionId = unwrap(addSection(doc, { checklistId, title: '段' }));
    const before = snapshot(doc);
    expectFailure(addChecklist(doc, { title: '' }), 'invalid_input');
    expectFailure(addSection(doc, { checklistId: 'nope', title: '段' }), 'not_found');
    expectFailure(addItem(doc, { sectionId: 'nope', title: '事' }), 'not_found');
    expectFailure(addItem(doc, { sectionId, title: '事', owner: { kind: 'pair', id: 'nope' } }), 'not_found');
    expect(
      expectFailure(addItem(doc, { sectionId, title: '事', dueAt: 'tomorrow' }), 'invalid_input').message,
    ).toMatch(/dueAt/);
    expect(snapshot(doc)).toEqual(before);
  });
});
