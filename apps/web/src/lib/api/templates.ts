import { z } from 'zod';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { BoardSummary } from './boards.ts';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A built-in scenario as `/api/templates` lists it; `choice` is what `POST /api/boards` takes. */
export const ScenarioSummary = z.object({
  id: z.string().min(1),
  choice: z.string().min(1),
  name: Localized,
  description: Localized,
  sectionCount: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

/** A template I saved from one of my boards (`choice` is `org:<id>`). */
export const SavedTemplate = z.object({
  id: z.string().min(1),
  choice: z.string().min(1),
  name: z.string(),
  description: z.string(),
  language: z.enum(['zh-CN', 'en']),
  createdAt: z.string(),
  sectionCount: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
});
export type SavedTemplate = z.infer<typeof SavedTemplate>;

const TemplateList = z.object({ scenarios: z.array(ScenarioSummary), templates: z.array(SavedTemplate) });
export type TemplateList = z.infer<typeof TemplateList>;

/** The scenarios and the templates I saved, newest first. */
export async function listTemplates(options?: RequestOptions): Promise<TemplateList> {
  return requestJson('GET', apiPath('templates'), TemplateList, undefined, options);
}

/** Saves a board I own as a template: its checklists, sections and items, nothing personal. */
export async function saveBoardAsTemplate(
  input: { boardId: string; name: string; description?: string },
  options?: RequestOptions,
): Promise<SavedTemplate> {
  const envelope = z.object({ template: SavedTemplate });
  return (await requestJson('POST', apiPath('templates'), envelope, input, options)).template;
}

export async function deleteTemplate(id: string, options?: RequestOptions): Promise<void> {
  await requestNoContent('DELETE', apiPath('templates', id), undefined, options);
}

export interface CreateFromTemplateInput {
  name: string;
  /** A scenario id or `org:<templateId>`. */
  template: string;
  language: 'zh-CN' | 'en';
  startsAt: string;
  timezone: string;
}

/** Creates a board laid out from a template, with me as its owner. */
export async function createBoardFromTemplate(
  input: CreateFromTemplateInput,
  options?: RequestOptions,
): Promise<BoardSummary> {
  const envelope = z.object({ board: BoardSummary });
  return (await requestJson('POST', apiPath('boards'), envelope, input, options)).board;
}
