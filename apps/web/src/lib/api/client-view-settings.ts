import { z } from 'zod';
import { ClientViewSettings } from '@pairboard/board-schema';
import { apiPath, requestJson, type RequestOptions } from './http.ts';

export { ClientViewSettings };

export const CLIENT_VIEW_PARTS = ['progress', 'attendance', 'incidents', 'updates'] as const;

// The answer may come bare or wrapped in `{ settings }`; the contract names only the fields.
const Answer = z.union([z.object({ settings: ClientViewSettings }), ClientViewSettings]);
const unwrap = (answer: z.infer<typeof Answer>): ClientViewSettings =>
  'settings' in answer ? answer.settings : answer;

export async function getClientViewSettings(
  boardId: string,
  options?: RequestOptions,
): Promise<ClientViewSettings> {
  const path = apiPath('boards', boardId, 'client-view-settings');
  return unwrap(await requestJson('GET', path, Answer, undefined, options));
}

/** Saves all four toggles (owner only); watching clients get the new view within a second. */
export async function saveClientViewSettings(
  boardId: string,
  settings: ClientViewSettings,
  options?: RequestOptions,
): Promise<ClientViewSettings> {
  const path = apiPath('boards', boardId, 'client-view-settings');
  const answer = await requestJson('PUT', path, Answer.optional(), settings, options);
  return answer ? unwrap(answer) : settings;
}
