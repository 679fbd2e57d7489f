import type {
  LocalizedText,
  OwnerPlaceholder,
  TemplateDue,
  TemplateItem,
  TemplateSection,
} from '../template-types.ts';

/* Shorthand for writing the scenario templates as readable tables. Not exported from the package. */

export function text(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** Due `day` days from the event's local start date, at `time` (HH:MM) in the board's timezone. */
export function onDay(day: number, time: string): TemplateDue {
  return { day, time };
}

/** Due `minutes` after the event starts (negative: before). */
export function atMinute(minutes: number): TemplateDue {
  return { minutes };
}

export function item(
  zh: string,
  en: string,
  owner: OwnerPlaceholder | null,
  due: TemplateDue | null,
): TemplateItem {
  return { title: text(zh, en), owner, due };
}

/**
 * The five steps of a rollout, in order. Every scenario template has one section per step, so a
 * team meets the same shape whichever scenario it runs.
 */
export const ROLLOUT_STEPS = {
  diagnosis: text('1. 需求诊断与目标', '1. Needs diagnosis and targets'),
  team: text('2. 组队与培训', '2. Team forming and training'),
  sop: text('3. SOP 与模板落地', '3. SOP and templates in place'),
  execution: text('4. 现场执行与实时记录', '4. On-site execution with live records'),
  review: text('5. 复盘与改进', '5. Review and improvement'),
} as const;

export type RolloutStep = keyof typeof ROLLOUT_STEPS;

export function rolloutSections(items: Record<RolloutStep, TemplateItem[]>): TemplateSection[] {
  return (Object.keys(ROLLOUT_STEPS) as RolloutStep[]).map((step) => ({
    title: ROLLOUT_STEPS[step],
    items: items[step],
  }));
}
