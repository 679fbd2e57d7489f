import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initBoard } from '../board/meta.ts';
import { readBoard } from '../board/read-board.ts';
import { newBoard, unwrap } from '../board/test-support.ts';
import { applyTemplate } from './apply-template.ts';
import { getScenarioTemplate } from './scenarios/index.ts';
import type { TemplateContent } from './template-types.ts';

const SHANGHAI = { startsAt: '2026-05-20T01:00:00.000Z', timezone: 'Asia/Shanghai' } as const;

function bareBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, {
    name: '发布会',
    venue: '',
    timezone: 'Asia/Shanghai',
    startsAt: SHANGHAI.startsAt,
    endsAt: '2026-05-20T10:00:00.000Z',
    language: 'zh-CN',
  });
  return doc;
}

const SMALL: TemplateContent = {
  checklists: [
    {
      title: { 'zh-CN': '清单', en: 'List' },
      sections: [
        {
          title: { 'zh-CN': '准备', en: 'Prepare' },
          items: [
            {
              title: { 'zh-CN': '踏勘', en: 'Site visit' },
              owner: 'onsite',
              due: { day: -1, time: '18:00' },
            },
            { title: { 'zh-CN': '名单', en: 'Guest list' }, owner: 'remote', due: { minutes: -30 } },
            { title: { 'zh-CN': '复盘', en: 'Review' }, owner: null, due: null },
          ],
        },
      ],
    },
  ],
};

describe('applyTemplate', () => {
  it('writes the onsite-event scenario in Chinese: five sections in rollout order', () => {
    const doc = bareBoard();
    const applied = unwrap(
      applyTemplate(doc, getScenarioTemplate('onsite-event'), { language: 'zh-CN', ...SHANGHAI }),
    );
    const board = readBoard(doc);
    expect(board.checklists.map((c) => c.title)).toEqual(['活动执行清单']);
    expect(board.sections.map((s) => s.title)).toEqual([
      '1. 需求诊断与目标',
      '2. 组队与培训',
      '3. SOP 与模板落地',
      '4. 现场执行与实时记录',
      '5. 复盘与改进',
    ]);
    expect(applied).toMatchObject({ sectionCount: 5, itemCount: board.items.length });
    expect(board.items.every((item) => item.status === 'todo')).toBe(true);
  });

  it('writes the English text when the board language is English', () => {
    const doc = bareBoard();
    unwrap(applyTemplate(doc, getScenarioTemplate('client-training'), { language: 'en', ...SHANGHAI }));
    const board = readBoard(doc);
    expect(board.sections[0]?.title).toBe('1. Needs diagnosis and targets');
    expect(
      board.items.some((item) => item.title === '[Remote] Log questions live and answer them online'),
    ).toBe(true);
  });

  it('turns relative due times into instants: wall-clock days in the board timezone, minutes from the start', () => {
    const doc = bareBoard();
    unwrap(applyTemplate(doc, SMALL, { language: 'zh-CN', ...SHANGHAI }));
    const [siteVisit, guestList, review] = readBoard(doc).items;
    // The start is 09:00 on 20 May in Shanghai; "the day before, 18:00" is 10:00 UTC on 19 May.
    expect(siteVisit?.dueAt).toBe('2026-05-19T10:00:00.000Z');
    expect(guestList?.dueAt).toBe('2026-05-20T00:30:00.000Z');
    expect(review?.dueAt).toBeNull();
  });

  it('tags the title with the placeholder when no owner is given, and assigns the owner when one is', () => {
    const { doc, pairId } = newBoard();
    unwrap(
      applyTemplate(doc, SMALL, {
        language: 'zh-CN',
        ...SHANGHAI,
        owners: { onsite: { kind: 'person', id: 'u-alice' }, pair: { kind: 'pair', id: pairId } },
      }),
    );
    const items = readBoard(doc).items;
    expect(items[0]).toMatchObject({ title: '踏勘', owner: { kind: 'person', id: 'u-alice' } });
    expect(items[1]).toMatchObject({ title: '【远程】名单', owner: null });
  });

  it('adds after what the board already has', () => {
    const { doc } = newBoard();
    unwrap(applyTemplate(doc, SMALL, { language: 'en', ...SHANGHAI }));
    unwrap(applyTemplate(doc, SMALL, { language: 'en', ...SHANGHAI }));
    expect(readBoard(doc).checklists.map((c) => c.title)).toEqual(['List', 'List']);
    expect(readBoard(doc).items).toHaveLength(6);
  });

  it('sends the whole template as one update', () => {
    const doc = bareBoard();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    unwrap(applyTemplate(doc, getScenarioTemplate('cross-region'), { language: 'zh-CN', ...SHANGHAI }));
    expect(updates).toBe(1);
  });

  it('refuses a bad timezone, start, due time, empty title or unknown owner and writes nothing', () => {
    const doc = bareBoard();
    const before = Y.encodeStateVector(doc);
    const badDue: TemplateContent = structuredClone(SMALL);
    badDue.checklists[0]!.sections[0]!.items[0]!.due = { day: 1, time: '25:00' };
    const emptyTitle: TemplateContent = structuredClone(SMALL);
    emptyTitle.checklists[0]!.sections[0]!.title = { 'zh-CN': '  ', en: '' };
    const results = [
      applyTemplate(doc, SMALL, { language: 'zh-CN', startsAt: SHANGHAI.startsAt, timezone: 'Mars/Base' }),
      applyTemplate(doc, SMALL, { language: 'zh-CN', startsAt: 'tomorrow', timezone: 'UTC' }),
      applyTemplate(doc, badDue, { language: 'zh-CN', ...SHANGHAI }),
      applyTemplate(doc, emptyTitle, { language: 'zh-CN', ...SHANGHAI }),
      applyTemplate(doc, SMALL, {
        language: 'zh-CN',
        ...SHANGHAI,
        owners: { pair: { kind: 'pair', id: 'nope' } },
      }),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'not_found',
    ]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
