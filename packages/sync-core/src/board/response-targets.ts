import type * as Y from 'yjs';
import type { IncidentLevel } from '@pairboard/board-schema';
import { metaMap } from './layout.ts';
import { fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

/** Minutes to acknowledge an incident, per response level (蓝/黄/红 响应). */
export type ResponseTargets = Record<IncidentLevel, number>;

/** The levels as event teams already use them: blue 2 h, yellow 1 h, red 30 min. */
export const DEFAULT_RESPONSE_TARGETS: Readonly<ResponseTargets> = Object.freeze({
  blue: 120,
  yellow: 60,
  red: 30,
});

/** A target is whole minutes, at most a day: anything longer is no longer a response time. */
export const MAX_RESPONSE_TARGET_MINUTES = 24 * 60;

const LEVELS: readonly IncidentLevel[] = ['blue', 'yellow', 'red'];

/*
 * One flat meta field per level (`ackTargetBlueMinutes` …), like the rest of meta, so two owners
 * changing different levels at once both keep their change. A board written before targets
 * existed has none of these fields and reads the defaults.
 */
function fieldOf(level: IncidentLevel): string {
  return `ackTarget${level[0]?.toUpperCase() ?? ''}${level.slice(1)}Minutes`;
}

function isTarget(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RESPONSE_TARGET_MINUTES
  );
}

/** The board's targets; a missing or malformed field reads as its default. */
export function readResponseTargets(doc: Y.Doc): ResponseTargets {
  const meta = metaMap(doc);
  const targets = { ...DEFAULT_RESPONSE_TARGETS };
  for (const level of LEVELS) {
    const value = meta.get(fieldOf(level));
    if (isTarget(value)) targets[level] = value;
  }
  return targets;
}

/**
 * Sets some or all of the board's targets (whole minutes, 1 to 1440). Owners only: editors may
 * not write `meta`, and the server's write policy enforces that.
 */
export function setResponseTargets(
  doc: Y.Doc,
  targets: Partial<ResponseTargets>,
  origin: unknown = null,
): OpResult {
  for (const [level, value] of Object.entries(targets ?? {})) {
    if (!LEVELS.includes(level as IncidentLevel)) {
      return fail('invalid_input', `level must be blue, yellow or red, got '${level}'`);
    }
    if (!isTarget(value)) {
      return fail(
        'invalid_input',
        `${level} target must be whole minutes from 1 to ${MAX_RESPONSE_TARGET_MINUTES}, got ${String(value)}`,
      );
    }
  }
  return runOp(doc, origin, () => {
    const meta = metaMap(doc);
    if (!meta.has('schemaVersion')) return fail('invalid_state', 'this doc is not a board yet');
    for (const level of LEVELS) {
      const value = targets[level];
      if (value !== undefined && meta.get(fieldOf(level)) !== value) meta.set(fieldOf(level), value);
    }
    return ok();
  });
}
