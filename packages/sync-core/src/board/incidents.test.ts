import { describe, expect, it } from 'vitest';
import {
  acknowledgeIncident,
  addTimelineEntry,
  raiseIncident,
  reopenIncident,
  resolveIncident,
} from './incidents.ts';
import {
  ALICE,
  BOB,
  CAROL,
  at,
  boardWithIncident,
  expectFailure,
  newBoard,
  readOne,
  replicaOf,
  snapshot,
  sync,
  unwrap,
} from './test-support.ts';

describe('raiseIncident', () => {
  it('creates an open incident whose timeline starts with the raised note', () => {
    const { doc, incidentId, pairId } = boardWithIncident();
    expect(readOne(doc, 'incidents', incidentId)).toEqual({
      id: incidentId,
      title: 'B厅投影故障',
      level: 'yellow',
      category: '设备',
      zone: 'B厅',
      reporter: ALICE,
      owner: { kind: 'pair', id: pairId },
      status: 'open',
      raisedAt: at(0).toISOString(),
      acknowledgedAt: null,
      resolvedAt: null,
      timeline: [
        {
          id: expect.any(String) as string,
          at: at(0).toISOString(),
          by: ALICE,
          kind: 'raised',
          text: '投影无信号',
          internal: false,
        },
      ],
    });
  });

  it('fills defaults for optional fields', () => {
    const { doc } = newBoard();
    const id = unwrap(raiseIncident(doc, { title: '  签到处打印机卡纸 ', level: 'blue' }, BOB, at(1)));
    expect(readOne(doc, 'incidents', id)).toMatchObject({
      title: '签到处打印机卡纸',
      category: '',
      zone: '',
      owner: null,
    });
  });

  it('rejects an unknown level saying which are allowed, and unknown owners, without writing', () => {
    const { doc } = newBoard();
    const before = snapshot(doc);
    expect(
      expectFailure(
        raiseIncident(doc, { title: '停电', level: 'orange' as 'red' }, ALICE, at(1)),
        'invalid_input',
      ).message,
    ).toMatch(/level.*"blue"\|"yellow"\|"red"/);
    expectFailure(raiseIncident(doc, { title: '', level: 'red' }, ALICE, at(1)), 'invalid_input');
    expectFailure(
      raiseIncident(
        doc,
        { title: '停电', level: 'red', owner: { kind: 'person', id: 'nope' } },
        ALICE,
        at(1),
      ),
      'not_found',
    );
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('acknowledge, resolve, reopen', () => {
  it('moves open -> acknowledged -> resolved and keeps every entry', () => {
    const { doc, incidentId } = boardWithIncident();
    unwrap(acknowledgeIncident(doc, incidentId, BOB, at(3)));
    expect(readOne(doc, 'incidents', incidentId)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at(3).toISOString(),
    });
    unwrap(resolveIncident(doc, incidentId, BOB, at(20), '已更换备用投影仪'));
    const resolved = readOne(doc, 'incidents', incidentId);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: at(20).toISOString() });
    expect(resolved.timeline.map((entry) => [entry.kind, entry.text])).toEqual([
      ['raised', '投影无信号'],
      ['acknowledged', ''],
      ['resolved', '已更换备用投影仪'],
    ]);
  });

  it('refuses transitions that do not fit the status', () => {
    const { doc, incidentId } = boardWithIncident();
    unwrap(acknowledgeIncident(doc, incidentId, BOB, at(1)));
    expectFailure(acknowledgeIncident(doc, incidentId, CAROL, at(2)), 'invalid_state');
    expectFailure(reopenIncident(doc, incidentId, CAROL, at(2)), 'invalid_state');
    unwrap(resolveIncident(doc, incidentId, BOB, at(3)));
    expectFailure(resolveIncident(doc, incidentId, BOB, at(4)), 'invalid_state');
    expectFailure(acknowledgeIncident(doc, 'nope', BOB, at(4)), 'not_found');
    expectFailure(resolveIncident(doc, incidentId, BOB, at(4), 'x'.repeat(2001)), 'invalid_input');
  });

  it('reopens a resolved incident and starts a new cycle', () => {
    const { doc, incidentId } = boardWithIncident();
    unwrap(acknowledgeIncident(doc, incidentId, BOB, at(1)));
    unwrap(resolveIncident(doc, incidentId, BOB, at(2)));
    unwrap(reopenIncident(doc, incidentId, ALICE, at(3), '又黑屏了'));
    expect(readOne(doc, 'incidents', incidentId)).toMatchObject({
      status: 'open',
      acknowledgedAt: null,
      resolvedAt: null,
    });
    unwrap(resolveIncident(doc, incidentId, BOB, at(4)));
    expect(readOne(doc, 'incidents', incidentId)).toMatchObject({
      status: 'resolved',
      resolvedAt: at(4).toISOString(),
    });
    expect(readOne(doc, 'incidents', incidentId).timeline).toHaveLength(5);
  });

  it('resolves concurrently acknowledged and resolved incidents the same way on both replicas', () => {
    const { doc: a, incidentId } = boardWithIncident();
    const b = replicaOf(a);
    unwrap(acknowledgeIncident(a, incidentId, BOB, at(5)));
    unwrap(resolveIncident(b, incidentId, CAROL, at(4), '已处理'));
    sync(a, b);
    const merged = readOne(a, 'incidents', incidentId);
    expect(merged).toEqual(readOne(b, 'incidents', incidentId));
    expect(merged).toMatchObject({
      status: 'resolved',
      acknowledgedAt: at(5).toISOString(),
      resolvedAt: at(4).toISOString(),
    });
    expect(merged.timeline.map((entry) => entry.kind)).toEqual(['raised', 'resolved', 'acknowledged']);
  });

  it('keeps the earliest of two concurrent acknowledgements', () => {
    const { doc: a, incidentId } = boardWithIncident();
    const b = replicaOf(a);
    unwrap(acknowledgeIncident(a, incidentId, BOB, at(7)));
    unwrap(acknowledgeIncident(b, incidentId, CAROL, at(6)));
    sync(a, b);
    expect(readOne(a, 'incidents', incidentId)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at(6).toISOString(),
    });
    expect(readOne(b, 'incidents', incidentId)).toEqual(readOne(a, 'incidents', incidentId));
    expect(readOne(a, 'incidents', incidentId).timeline).toHaveLength(3);
  });
});

describe('addTimelineEntry', () => {
  it('appends notes, internal or not, in time order', () => {
    const { doc, incidentId } = boardWithIncident();
    unwrap(addTimelineEntry(doc, incidentId, { text: '已联系场馆工程部' }, BOB, at(2)));
    unwrap(addTimelineEntry(doc, incidentId, { text: '供应商电话 021-5555', internal: true }, BOB, at(1)));
    const timeline = readOne(doc, 'incidents', incidentId).timeline;
    expect(timeline.map((entry) => [entry.kind, entry.text, entry.internal])).toEqual([
      ['raised', '投影无信号', false],
      ['note', '供应商电话 021-5555', true],
      ['note', '已联系场馆工程部', false],
    ]);
    expect(readOne(doc, 'incidents', incidentId).status).toBe('open');
  });

  it('rejects empty text and unknown incidents without writing', () => {
    const { doc, incidentId } = boardWithIncident();
    const before = snapshot(doc);
    expectFailure(addTimelineEntry(doc, incidentId, { text: '  ' }, BOB, at(1)), 'invalid_input');
    expectFailure(addTimelineEntry(doc, 'nope', { text: '备注' }, BOB, at(1)), 'not_found');
    expect(snapshot(doc)).toEqual(before);
  });
});
