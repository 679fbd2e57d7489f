import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMetrics } from '../metrics.ts';
import { SyncAnswers } from './sync-answers.ts';

const EMPTY = Y.encodeStateVector(new Y.Doc());

async function encodes(metrics: ReturnType<typeof createMetrics>): Promise<number> {
  return (await metrics.fullStateEncodes.get()).values[0]?.value ?? 0;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncAnswers (SY13)', () => {
  it('encodes the whole board once per state for every client that has nothing', async () => {
    const doc = new Y.Doc();
    doc.getMap('guests').set('g1', '王芳');
    const metrics = createMetrics();
    const answers = new SyncAnswers(doc, metrics);
    const first = answers.answer(EMPTY);
    expect(answers.answer(EMPTY)).toBe(first);
    expect(await encodes(metrics)).toBe(1);
    doc.getMap('guests').set('g2', '李强');
    const second = answers.answer(EMPTY);
    expect(second).not.toBe(first);
    expect(await encodes(metrics)).toBe(2);
    // A client that has something gets the difference, not the cached whole.
    const partial = answers.answer(Y.encodeStateVector(doc));
    expect(partial.length).toBeLessThan(second.length);
    answers.forget();
  });

  it('lets the cached copy go once joiners stop coming', async () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    doc.getMap('items').set('i1', 'check the stage');
    const metrics = createMetrics();
    const answers = new SyncAnswers(doc, metrics);
    answers.answer(EMPTY);
    vi.advanceTimersByTime(2_000);
    answers.answer(EMPTY);
    expect(await encodes(metrics)).toBe(1);
    vi.advanceTimersByTime(3_001);
    answers.answer(EMPTY);
    expect(await encodes(metrics)).toBe(2);
    answers.forget();
  });
});
