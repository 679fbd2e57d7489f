import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@pairboard/board-schema';
import {
  acknowledgeIncident,
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addPerson,
  addSection,
  checkInGuest,
  initBoard,
  raiseIncident,
  readBoard,
  resolveIncident,
  tickItem,
  verifyItem,
} from '@pairboard/sync-core';
import { buildReviewReport } from './review-report.ts';
import { reportToCsv, reportToMarkdown, csvField, mdCell } from './report-export.ts';

const ANA: Actor = { id: 'u-ana', name: 'Ana' };
const BEN: Actor = { id: 'u-ben', name: 'Ben' };
const T0 = Date.parse('2026-05-20T01:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const TARGETS = { blue: 120, yellow: 60, red: 30 };

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A small event: two sections, one pair, three guests, three incidents. */
function eventBoard() {
  const doc = new Y.Doc();
  initBoard(doc, {
    name: 'Launch',
    venue: 'Hall',
    timezone: 'UTC',
    startsAt: at(0).toISOString(),
    endsAt: at(600).toISOString(),
    language: 'en',
  });
  unwrap(addPerson(doc, { id: ANA.id, name: ANA.name, position: 'onsite' }));
  unwrap(addPerson(doc, { id: BEN.id, name: BEN.name, position: 'remote' }));
  const pairId = unwrap(addPair(doc, { name: 'Pair A', onsiteId: ANA.id, remoteId: BEN.id }));
  const checklistId = unwrap(addChecklist(doc, { title: 'Setup' }));
  const stage = unwrap(addSection(doc, { checklistId, title: 'Stage' }));
  const door = unwrap(addSection(doc, { checklistId, title: 'Door' }));
  const mics = unwrap(
    addItem(doc, { sectionId: stage, title: 'Test mics', owner: { kind: 'pair', id: pairId } }),
  );
  unwrap(
    addItem(doc, {
      sectionId: stage,
      title: 'Lights',
      owner: { kind: 'person', id: BEN.id },
      dueAt: at(30).toISOString(),
    }),
  );
  unwrap(addItem(doc, { sectionId: door, title: 'Badges', dueAt: at(90).toISOString() }));
  unwrap(tickItem(doc, mics, ANA, at(10)));
  unwrap(verifyItem(doc, mics, BEN, at(12)));
  for (const [name, minute] of [
    ['G1', 5],
    ['G2', 20],
    ['G3', null],
  ] as const) {
    const id = unwrap(addGuest(doc, { name }));
    if (minute !== null) unwrap(checkInGuest(doc, id, ANA, at(minute)));
  }
  const red = unwrap(raiseIncident(doc, { title: 'Power cut', level: 'red' }, ANA, at(0)));
  unwrap(acknowledgeIncident(doc, red, BEN, at(10)));
  unwrap(resolveIncident(doc, red, BEN, at(40), 'generator on'));
  const late = unwrap(raiseIncident(doc, { title: 'Queue', level: 'red' }, ANA, at(20)));
  unwrap(acknowledgeIncident(doc, late, BEN, at(70)));
  unwrap(raiseIncident(doc, { title: 'Wifi slow', level: 'yellow' }, ANA, at(50)));
  return readBoard(doc);
}

describe('buildReviewReport', () => {
  const report = buildReviewReport(eventBoard(), { now: at(120), targets: TARGETS });

  it('draws the arrival curve in 15-minute steps from the first check-in', () => {
    expect(report.arrivals).toEqual({
      expected: 3,
      arrived: 2,
      curve: [
        { at: at(15).toISOString(), arrived: 1 },
        { at: at(30).toISOString(), arrived: 2 },
      ],
    });
  });

  it('measures incidents by level against the targets to acknowledge', () => {
    const red = report.incidents.levels.find((l) => l.level === 'red');
    expect(red).toEqual({
      level: 'red',
      targetMinutes: 30,
      total: 2,
      acknowledged: 2,
      withinTarget: 1,
      overTarget: 1,
      resolved: 1,
      medianAckMinutes: 30,
      medianResolveMinutes: 40,
    });
    // Not acknowledged 70 minutes after it was raised, with a 60-minute target: overdue now.
    expect(report.incidents.list.find((i) => i.title === 'Wifi slow')).toMatchObject({
      ackMinutes: null,
      metTarget: false,
    });
    expect(report.incidents.levels.map((l) => l.level)).toEqual(['red', 'yellow', 'blue']);
  });

  it('counts completion and verification by section and by pair (pair items and its people)', () => {
    expect(report.sections).toEqual([
      { label: 'Setup › Stage', total: 2, done: 1, verified: 1 },
      { label: 'Setup › Door', total: 1, done: 0, verified: 0 },
    ]);
    expect(report.pairs).toEqual([{ label: 'Pair A', total: 2, done: 1, verified: 1 }]);
  });

  it('lists open items past due, latest first', () => {
    expect(report.overdue).toEqual([
      { title: 'Lights', section: 'Stage', owner: 'Ben', dueAt: at(30).toISOString(), minutesLate: 90 },
      { title: 'Badges', section: 'Door', owner: '', dueAt: at(90).toISOString(), minutesLate: 30 },
    ]);
  });

  it('puts incident steps and sign-offs on one timeline, oldest first', () => {
    expect(report.timeline.map((r) => `${r.kind}:${r.subject}`)).toEqual([
      'incident.raised:Power cut',
      'incident.acknowledged:Power cut',
      'item.done:Test mics',
      'item.verified:Test mics',
      'incident.raised:Queue',
      'incident.resolved:Power cut',
      'incident.raised:Wifi slow',
      'incident.acknowledged:Queue',
    ]);
  });
});

describe('report exports', () => {
  const report = buildReviewReport(eventBoard(), { now: at(120), targets: TARGETS });
  const t = (key: string) => key;
  const time = (iso: string) => iso.slice(11, 16);

  it('writes CSV blocks with a title, a header and rows', () => {
    const csv = reportToCsv(report, t, time);
    expect(csv.startsWith('Launch,03:00\r\n\r\narrivals\r\ntime,arrived\r\n01:15,1\r\n01:30,2\r\n')).toBe(
      true,
    );
    expect(csv).toContain('\r\nlevel.red,30,2,1,1,1,30,40\r\n');
    expect(csv).toContain('\r\nLights,Stage,Ben,01:30,90\r\n');
    expect(csv).toContain('\r\n01:40,incident.resolved,Power cut,Ben,generator on\r\n');
  });

  it('escapes CSV fields and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
  });

  it('writes Markdown with a section and table per part, and says when a part is empty', () => {
    const md = reportToMarkdown({ ...report, overdue: [] }, t, time);
    expect(
      md.startsWith(
        '# title: Launch\n\ngenerated 03:00\n\n## arrivals\n\n| time | arrived |\n| --- | --- |\n| 01:15 | 1 |',
      ),
    ).toBe(true);
    expect(md).toContain('## overdue\n\n_none_\n');
    expect(md).toContain('| Setup › Stage | 2 | 1 | 1 |');
    expect(mdCell('a|b\nc')).toBe('a\\|b c');
  });
});
