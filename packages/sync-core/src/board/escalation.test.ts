import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addGuest } from './guests.ts';
import { checkInGuest } from './check-in.ts';
import { changesEscalation, escalateIncident, escalationState, SYSTEM_ACTOR } from './escalation.ts';
import {
  acknowledgeIncident,
  raiseIncident,
  readIncidents,
  reopenIncident,
  resolveIncident,
} from './incidents.ts';
import { DEFAULT_RESPONSE_TARGETS, readResponseTargets, setResponseTargets } from './response-targets.ts';
import { ALICE, BOB, at, expectFailure, newBoard, replicaOf, sync, unwrap } from './test-support.ts';

function raised(level: 'blue' | 'yellow' | 'red') {
  const { doc } = newBoard();
  const incidentId = unwrap(raiseIncident(doc, { title: '投影仪故障', level }, ALICE, at(0)));
  const read = () => readIncidents(doc).find((incident) => incident.id === incidentId)!;
  return { doc, incidentId, read };
}

function escalatedEntries(doc: Parameters<typeof readIncidents>[0]) {
  return readIncidents(doc).flatMap((incident) => incident.timeline.filter((e) => e.kind === 'escalated'));
}

describe('response targets', () => {
  it('reads blue 2 h, yellow 1 h, red 30 min on a board that never set them', () => {
    expect(readResponseTargets(newBoard().doc)).toEqual({ blue: 120, yellow: 60, red: 30 });
    expect(DEFAULT_RESPONSE_TARGETS.red).toBe(30);
  });

  it('keeps both of two owners changing different levels at once', () => {
    const { doc } = newBoard();
    const other = replicaOf(doc);
    unwrap(setResponseTargets(doc, { red: 15 }));
    unwrap(setResponseTargets(other, { blue: 90 }));
    sync(doc, other);
    expect(readResponseTargets(doc)).toEqual({ blue: 90, yellow: 60, red: 15 });
  });

  it('refuses a target that is not whole minutes from 1 to 1440, or an unknown level', () => {
    const { doc } = newBoard();
    expectFailure(setResponseTargets(doc, { red: 0 }), 'invalid_input');
    expectFailure(setResponseTargets(doc, { red: 2.5 }), 'invalid_input');
    expectFailure(setResponseTargets(doc, { yellow: 1441 }), 'invalid_input');
    expectFailure(setResponseTargets(doc, { orange: 5 } as never), 'invalid_input');
    expect(readResponseTargets(doc)).toEqual(DEFAULT_RESPONSE_TARGETS);
  });
});

describe('escalationState', () => {
  it('is due at raisedAt plus the level target and overdue from that moment', () => {
    const { doc, read } = raised('yellow');
    const targets = readResponseTargets(doc);
    expect(escalationState(read(), targets, at(59))).toEqual({
      dueAt: at(60).toISOString(),
      escalatedAt: null,
      overdue: false,
    });
    expect(escalationState(read(), targets, at(60)).overdue).toBe(true);
  });

  it('follows the board target, so a shorter red target makes it overdue sooner', () => {
    const { doc, read } = raised('red');
    unwrap(setResponseTargets(doc, { red: 10 }));
    expect(escalationState(read(), readResponseTargets(doc), at(10)).overdue).toBe(true);
  });

  it('is never overdue once acknowledged', () => {
    const { doc, incidentId, read } = raised('red');
    unwrap(acknowledgeIncident(doc, incidentId, BOB, at(5)));
    expect(escalationState(read(), readResponseTargets(doc), at(500))).toEqual({
      dueAt: null,
      escalatedAt: null,
      overdue: false,
    });
  });
});

describe('escalateIncident', () => {
  it('writes nothing before the target has passed', () => {
    const { doc, incidentId } = raised('blue');
    expect(unwrap(escalateIncident(doc, incidentId, at(119)))).toBe(false);
    expect(escalatedEntries(doc)).toEqual([]);
  });

  it('writes one server entry once the target has passed, and nothing on a second call', () => {
    const { doc, incidentId, read } = raised('yellow');
    expect(unwrap(escalateIncident(doc, incidentId, at(61)))).toBe(true);
    expect(unwrap(escalateIncident(doc, incidentId, at(62)))).toBe(false);
    const [entry] = escalatedEntries(doc);
    expect(escalatedEntries(doc)).toHaveLength(1);
    expect(entry).toMatchObject({ at: at(61).toISOString(), by: SYSTEM_ACTOR, kind: 'escalated' });
    expect(read().status).toBe('open');
    expect(escalationState(read(), readResponseTargets(doc), at(62)).escalatedAt).toBe(at(61).toISOString());
  });

  it('does not escalate an acknowledged or resolved incident', () => {
    const { doc, incidentId } = raised('red');
    unwrap(resolveIncident(doc, incidentId, BOB, at(5)));
    expect(unwrap(escalateIncident(doc, incidentId, at(45)))).toBe(false);
  });

  it('restarts the clock on a reopen and may escalate once more in the new cycle', () => {
    const { doc, incidentId } = raised('red');
    unwrap(escalateIncident(doc, incidentId, at(31)));
    unwrap(resolveIncident(doc, incidentId, BOB, at(40)));
    unwrap(reopenIncident(doc, incidentId, BOB, at(50)));
    expect(unwrap(escalateIncident(doc, incidentId, at(79)))).toBe(false);
    expect(unwrap(escalateIncident(doc, incidentId, at(80)))).toBe(true);
    expect(escalatedEntries(doc)).toHaveLength(2);
  });

  it('answers not_found for an unknown incident', () => {
    expectFailure(escalateIncident(newBoard().doc, 'nope', at(1)), 'not_found');
  });
});

describe('changesEscalation', () => {
  /** Whether each transaction the change makes on `doc` changed what escalation reads. */
  function seen(doc: Y.Doc, change: () => void): boolean[] {
    const verdicts: boolean[] = [];
    const record = (transaction: Y.Transaction) => verdicts.push(changesEscalation(transaction));
    doc.on('afterTransaction', record);
    change();
    doc.off('afterTransaction', record);
    return verdicts;
  }

  it('is true for a raised or acknowledged incident (deep in its timeline) and a changed target', () => {
    const { doc, incidentId } = raised('red');
    expect(seen(doc, () => unwrap(acknowledgeIncident(doc, incidentId, BOB, at(60_000))))).toEqual([true]);
    expect(
      seen(doc, () => unwrap(raiseIncident(doc, { title: '断电', level: 'yellow' }, ALICE, at(0)))),
    ).toEqual([true]);
    expect(seen(doc, () => unwrap(setResponseTargets(doc, { red: 10 })))).toEqual([true]);
  });

  it('is false for a guest added and checked in, which leaves incidents and targets alone', () => {
    const { doc } = raised('red');
    expect(
      seen(doc, () => {
        const guestId = unwrap(addGuest(doc, { name: '王芳' }));
        unwrap(checkInGuest(doc, guestId, BOB, at(1_000)));
      }),
    ).toEqual([false, false]);
  });

  it('is true for an incident change that arrives from another replica', () => {
    const { doc, incidentId } = raised('red');
    const other = replicaOf(doc);
    unwrap(resolveIncident(other, incidentId, BOB, at(5_000)));
    expect(seen(doc, () => sync(other, doc))).toContain(true);
  });
});
