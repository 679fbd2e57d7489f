import { z } from 'zod';
import { apiPath, requestJson, type RequestOptions } from './http.ts';

export const ACTIVITY_LISTS = ['checklists', 'guests', 'incidents', 'people', 'board'] as const;
export type ActivityList = (typeof ACTIVITY_LISTS)[number];

export const ActivityEntry = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  // Kept as strings: a list or action added on the server later still shows, with its raw name.
  list: z.string(),
  entityId: z.string(),
  action: z.string(),
  label: z.string(),
  detail: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export interface ActivityFilter {
  person?: string;
  pair?: string;
  list?: ActivityList;
  before?: string;
}

const ActivityPage = z.object({ entries: z.array(ActivityEntry), nextBefore: z.string().nullable() });
export type ActivityPage = z.infer<typeof ActivityPage>;

/** The board's activity feed, newest first (members; door staff get guest activity only). */
export async function listActivity(
  boardId: string,
  filter: ActivityFilter = {},
  options?: RequestOptions,
): Promise<ActivityPage> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return requestJson(
    'GET',
    `${apiPath('boards', boardId, 'activity')}${search}`,
    ActivityPage,
    undefined,
    options,
  );
}
