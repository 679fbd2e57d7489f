import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addChecklist, addItem, addSection } from '../board/checklists.ts';
import { tickItem } from '../board/items.ts';
import { readBoard } from '../board/read-board.ts';
import { ALICE, BOB, T0, newBoard, unwrap } from '../board/test-support.ts';
import { applyTemplate } from './apply-template.ts';
import { getScenarioTemplate } from './scenarios/index.ts';
import { templateFromBoard } from './template-from-board.ts';

describe('templateFromBoard', () => {
  it('keeps checklists, sections and items; owners become placeholders, due times minutes from the start', () => {
    const { doc, pairId } = newBoard();
    const checklistId = unwrap(addChecklist(doc, { title: '签到' }));
    const sectionId = unwrap(addSection(doc, { checklistId, title: '开门前' }));
    const itemId = unwrap(
      addItem(doc, {
        sectionId,
        title: '签到台就位',
        owner: { kind: 'pair', id: pairId },
        dueAt: '2026-05-20T00:30:00.000Z',
      }),
    );
    unwrap(addItem(doc, { sectionId, title: '核对名单', owner: { kind: 'person', id: BOB.id } }));
    unwrap(tickItem(doc, itemId, ALICE, T0));

    expect(templateFromBoard(doc)).toEqual({
      checklists: [
        {
          title: { 'zh-CN': '签到', en: '签到' },
          sections: [
            {
              title: { 'zh-CN': '开门前', en: '开门前' },
              items: [
                { title: { 'zh-CN': '签到台就位', en: '签到台就位' }, owner: 'pair', due: { minutes: -30 } },
                { title: { 'zh-CN': '核对名单', en: '核对名单' }, owner: 'remote', due: null },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads owner tags back, so a board made from a template round-trips without stacking tags', () => {
    const doc = new Y.Doc();
    const { doc: source } = newBoard();
    unwrap(
      applyTemplate(source, getScenarioTemplate('onsite-event'), {
        language: 'zh-CN',
        startsAt: '2026-05-20T01:00:00.000Z',
        timezone: 'Asia/Shanghai',
      }),
    );
    const saved = templateFromBoard(source);
    if (!saved) throw new Error('source is a board');
    const { doc: copy } = newBoard();
    unwrap(
      applyTemplate(copy, saved, {
        language: 'zh-CN',
        startsAt: '2026-05-20T01:00:00.000Z',
        timezone: 'Asia/Shanghai',
      }),
    );
    const strip = (items: ReturnType<typeof readBoard>['items']) =>
      items.map(({ title, dueAt }) => ({ title, dueAt }));
    expect(strip(readBoard(copy).items)).toEqual(strip(readBoard(source).items));
    expect(templateFromBoard(doc)).toBeNull();
  });
});
