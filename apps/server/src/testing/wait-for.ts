import type { EventEmitter } from 'node:events';

/** Resolves on the next `event` (with its first argument), or rejects after `timeoutMs`. */
export function waitForEvent<T = unknown>(
  emitter:
    | Pick<EventEmitter, 'once' | 'off'>
    | {
        once(event: string, fn: (arg: T) => void): unknown;
        off(event: string, fn: (arg: T) => void): unknown;
      },
  event: string,
  { timeoutMs = 2000 }: { timeoutMs?: number } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onEvent = (arg: T): void => {
      clearTimeout(timer);
      resolve(arg);
    };
    const timer = setTimeout(() => {
      (emitter as EventEmitter).off(event, onEvent);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for '${event}'`));
    }, timeoutMs);
    (emitter as EventEmitter).once(event, onEvent);
  });
}

/**
 * Polls a condition that is driven by network events (not by time), so a test can wait for
 * "the other client sees the change" without a fixed sleep. Rejects with `message` on timeout.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 3000, message = 'condition not met' }: { timeoutMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
