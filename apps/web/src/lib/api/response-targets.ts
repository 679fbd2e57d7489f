import { z } from 'zod';
import { apiPath, requestJson, type RequestOptions } from './http.ts';

const Minutes = z.number().int().min(1).max(1440);

/** Minutes to acknowledge an incident, per level (the board's response targets). */
export const ResponseTargets = z.object({ blue: Minutes, yellow: Minutes, red: Minutes });
export type ResponseTargets = z.infer<typeof ResponseTargets>;

const Answer = z.object({ targets: ResponseTargets });

export async function getResponseTargets(
  boardId: string,
  options?: RequestOptions,
): Promise<ResponseTargets> {
  const path = apiPath('boards', boardId, 'response-targets');
  return (await requestJson('GET', path, Answer, undefined, options)).targets;
}

/** Saves the targets (owner only); open boards and the escalation timers follow at once. */
export async function saveResponseTargets(
  boardId: string,
  targets: Partial<ResponseTargets>,
  options?: RequestOptions,
): Promise<ResponseTargets> {
  const path = apiPath('boards', boardId, 'response-targets');
  return (await requestJson('PUT', path, Answer, targets, options)).targets;
}
