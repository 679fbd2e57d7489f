import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMetrics } from '../metrics.ts';
import { KEEP_WHOLE_MIN_BYTES, SyncAnswers } from './sync-answers.ts';

const EMPTY = Y.encodeStateVector(new Y.Doc());

/** A board whose whole encoding is above the size worth keeping. */
function largeBoard(): Y.Doc {
  const doc = new Y.Doc();
  const guests = doc.getMap('guests');
  doc.transact(() => {
    for (let i = 0; i < 400; i += 1) guests.set(`g${i}`, `来宾 ${i} · 上海智慧城市研究院 · table ${i % 40}`);
  });
  expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(KEEP_WHOLE_MIN_BYTES);
  return doc;
}

async function encodes(metrics: ReturnType<typeof createMetrics>): Promise<number> {
  return (await metrics.fullStateEncodes.get()).values[0]?.value ?? 0;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncAnswers (SY13)', () => {
  it('encodes the whole board once per state for every client that has nothing', async () => {
    const doc = largeBoard();
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
    const doc = largeBoard();
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

  it('keeps no copy of a small board: each joiner gets a fresh encoding of the same state', async () => {
    const doc = new Y.Doc();
    doc.getMap('items').set('i1', 'check the stage');
    const metrics = createMetrics();
    const answers = new SyncAnswers(doc, metrics);
    const first = answers.answer(EMPTY);
    const second = answers.answer(EMPTY);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(await encodes(metrics)).toBe(2);
    // What a joiner applies is the whole board.
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, Y.encodeStateAsUpdate(doc));
    expect(joiner.getMap('items').get('i1')).toBe('check the stage');
  });
});
