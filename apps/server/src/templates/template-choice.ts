import { z } from 'zod';
import { ErrorCode, type BoardLanguage } from '@pairboard/board-schema';
import { getBoardTemplate, type Database } from '@pairboard/db';
import { SCENARIO_TEMPLATE_IDS, getScenarioTemplate, type ScenarioTemplateId } from '@pairboard/sync-core';
import type { BoardTemplate } from '../boards/create-board.ts';
import { AppError } from '../errors.ts';
import { TemplateContentSchema } from './template-content.ts';

const ORG_PREFIX = 'org:';
const ORG_TEMPLATE = /^org:[A-Za-z0-9_-]{1,64}$/;
const BUILT_IN = ['empty', 'demo', ...SCENARIO_TEMPLATE_IDS] as const;

/**
 * What `POST /api/boards` accepts as `template`: `empty`, `demo`, a scenario id, or
 * `org:<templateId>` for a template the caller saved.
 */
export const TemplateChoice = z
  .string()
  .refine((value) => (BUILT_IN as readonly string[]).includes(value) || ORG_TEMPLATE.test(value), {
    message: `template must be one of ${BUILT_IN.join(', ')} or org:<templateId>`,
  });

/** A resolved choice, with the language the template was written in when it has only one. */
export interface ResolvedTemplate {
  template: BoardTemplate;
  language?: BoardLanguage;
}

/** Turns a parsed choice into what `createBoardWithDocument` writes; 404 for a template that is not mine. */
export async function resolveTemplateChoice(
  db: Database,
  userId: string,
  choice: string,
): Promise<ResolvedTemplate> {
  if (choice === 'empty' || choice === 'demo') return { template: choice };
  if (!choice.startsWith(ORG_PREFIX)) {
    return { template: { content: getScenarioTemplate(choice as ScenarioTemplateId) } };
  }
  const id = choice.slice(ORG_PREFIX.length);
  const row = await getBoardTemplate(db, userId, id);
  if (!row) throw new AppError(ErrorCode.NotFound, 404, `template '${id}' does not exist`);
  return { template: { content: TemplateContentSchema.parse(row.content) }, language: row.language };
}
