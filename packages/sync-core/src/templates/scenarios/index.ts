import type { ScenarioTemplate, ScenarioTemplateId } from '../template-types.ts';
import { CLIENT_TRAINING } from './client-training.ts';
import { CROSS_REGION } from './cross-region.ts';
import { DAILY_OPERATIONS } from './daily-operations.ts';
import { ONSITE_EVENT } from './onsite-event.ts';

/** The four built-in scenario templates, in the order the picker shows them. */
export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [
  DAILY_OPERATIONS,
  ONSITE_EVENT,
  CLIENT_TRAINING,
  CROSS_REGION,
];

/** The ids `POST /api/boards` accepts as a scenario `template`. */
export const SCENARIO_TEMPLATE_IDS = SCENARIO_TEMPLATES.map((template) => template.id) as [
  ScenarioTemplateId,
  ...ScenarioTemplateId[],
];

/** A built-in scenario template by id. */
export function getScenarioTemplate(id: ScenarioTemplateId): ScenarioTemplate {
  const template = SCENARIO_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`no scenario template '${id}'`);
  return template;
}
