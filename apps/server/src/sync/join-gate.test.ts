import { describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics.ts';
import { JoinGate } from './join-gate.ts';

/** A task that finishes only when the test says so. */
function deferredTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    finish: () => finish(),
  };
}

describe('JoinGate (SY13)', () => {
  it('runs at most `concurrency` tasks at once and the rest in arrival order, refusing none', async () => {
    const metrics = createMetrics();
    const gate = new JoinGate(2, metrics);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => deferredTask(log, name));
    const runs = tasks.map((t) => gate.run(t.task));
    await Promise.resolve();
    expect(log).toEqual(['start a', 'start b']);
    expect((await metrics.joinQueue.get()).values[0]?.value).toBe(2);
    tasks[1]?.finish();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    for (const t of tasks) t.finish();
    await Promise.all(runs);
    expect(log.filter((line) => line.startsWith('start'))).toEqual([
      'start a',
      'start b',
      'start c',
      'start d',
    ]);
    expect((await metrics.joinQueue.get()).values[0]?.value).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const gate = new JoinGate(1, createMetrics());
    await expect(gate.run(() => Promise.reject(new Error('socket gone')))).rejects.toThrow('socket gone');
    let ran = false;
    await gate.run(() => {
      ran = true;
      return Promise.resolve();
    });
    expect(ran).toBe(true);
  });
});
