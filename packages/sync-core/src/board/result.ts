import { Actor } from '@pairboard/board-schema';

/** Why a board operation refused to change the doc. */
export interface OpError {
  code: 'not_found' | 'invalid_state' | 'not_allowed' | 'invalid_input';
  message: string;
}

/** What every board operation returns; on `ok: false` the doc is unchanged. */
export type OpResult<T = void> = { ok: true; value: T } | { ok: false; error: OpError };

/** Thrown by `initBoard`, the one operation that is not an `OpResult` (it is setup, not a user action). */
export class BoardInitError extends Error {
  override name = 'BoardInitError';
}

export function ok(): OpResult;
export function ok<T>(value: T): OpResult<T>;
export function ok<T>(value?: T): OpResult<T | undefined> {
  return { ok: true, value };
}

export function fail(code: OpError['code'], message: string): { ok: false; error: OpError } {
  return { ok: false, error: { code, message } };
}

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Turns zod issues into one line that says what was wrong and what is allowed. */
export function describeIssues(what: string, issues: ReadonlyArray<IssueLike>): string {
  const parts = issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `invalid ${what}: ${parts.join('; ')}`;
}

/** Checks the who/when every user action carries. Returns the error, or null when both are fine. */
export function checkActorAndTime(actor: unknown, now: unknown): OpError | null {
  const parsedActor = Actor.safeParse(actor);
  if (!parsedActor.success) {
    return { code: 'invalid_input', message: describeIssues('actor', parsedActor.error.issues) };
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return { code: 'invalid_input', message: 'now must be a valid Date' };
  }
  return null;
}
