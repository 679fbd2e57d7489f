import type * as Y from 'yjs';
import type { BoardLanguage, Owner } from '@pairboard/board-schema';
import { addChecklist, addItem, addSection } from '../board/checklists.ts';
import { getEntity } from '../board/layout.ts';
import { fail, ok, type OpError, type OpResult } from '../board/result.ts';
import { runOp } from '../board/transact.ts';
import { instantOfWallClock, isValidTimezone, wallClockAt } from './local-time.ts';
import { OWNER_TAGS } from './owner-tags.ts';
import type { OwnerPlaceholder, TemplateContent, TemplateDue } from './template-types.ts';

export interface ApplyTemplateOptions {
  /** Which text of the template the board gets. */
  language: BoardLanguage;
  /** The event's start (ISO); relative due times count from it. */
  startsAt: string;
  /** IANA zone that `{ day, time }` due times are wall-clock times in. */
  timezone: string;
  /** Real owners for the placeholders; a placeholder without one becomes a title tag. */
  owners?: Partial<Record<OwnerPlaceholder, Owner>>;
}

export interface AppliedTemplate {
  checklistIds: string[];
  sectionCount: number;
  itemCount: number;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/**
 * Adds a template's checklists, sections and items after whatever the board already has, in
 * one transaction. Everything is checked before the first write, so a refused template leaves
 * the doc unchanged.
 *
 * @example
 * applyTemplate(doc, getScenarioTemplate('onsite-event'), {
 *   language: 'zh-CN', startsAt: '2026-05-20T01:00:00.000Z', timezone: 'Asia/Shanghai',
 * });
 */
export function applyTemplate(
  doc: Y.Doc,
  template: TemplateContent,
  options: ApplyTemplateOptions,
  origin: unknown = null,
): OpResult<AppliedTemplate> {
  const startMs = Date.parse(options.startsAt);
  if (Number.isNaN(startMs))
    return fail('invalid_input', `startsAt must be an ISO time, got '${options.startsAt}'`);
  if (!isValidTimezone(options.timezone)) {
    return fail(
      'invalid_input',
      `timezone must be an IANA zone like Asia/Shanghai, got '${options.timezone}'`,
    );
  }
  if (options.language !== 'zh-CN' && options.language !== 'en') {
    return fail('invalid_input', `language must be zh-CN or en, got '${String(options.language)}'`);
  }
  const planned = planTemplate(template, { ...options, startMs });
  if (!planned.ok) return planned;
  return runOp(doc, origin, () => {
    for (const owner of Object.values(options.owners ?? {})) {
      if (!getEntity(doc, owner.kind === 'pair' ? 'pairs' : 'people', owner.id)) {
        return fail('not_found', `owner ${owner.kind} ${owner.id} not found`);
      }
    }
    return writePlan(doc, planned.value);
  });
}

interface PlannedItem {
  title: string;
  owner: Owner | null;
  dueAt: string | null;
}
type Plan = Array<{ title: string; sections: Array<{ title: string; items: PlannedItem[] }> }>;

function planTemplate(
  template: TemplateContent,
  options: ApplyTemplateOptions & { startMs: number },
): OpResult<Plan> {
  const { language } = options;
  const plan: Plan = [];
  for (const checklist of template.checklists) {
    const sections: Plan[number]['sections'] = [];
    for (const section of checklist.sections) {
      const items: PlannedItem[] = [];
      for (const item of section.items) {
        const owner = item.owner ? (options.owners?.[item.owner] ?? null) : null;
        const tag = item.owner && !owner ? OWNER_TAGS[language][item.owner] : '';
        const dueAt = item.due ? dueTime(item.due, options.startMs, options.timezone) : null;
        if (dueAt === undefined) return fail('invalid_input', `bad due time ${JSON.stringify(item.due)}`);
        items.push({ title: `${tag}${item.title[language].trim()}`, owner, dueAt });
      }
      sections.push({ title: section.title[language].trim(), items });
    }
    plan.push({ title: checklist.title[language].trim(), sections });
  }
  return checkLengths(plan) ?? ok(plan);
}

function checkLengths(plan: Plan): { ok: false; error: OpError } | null {
  for (const checklist of plan) {
    if (!fits(checklist.title, 200)) return fail('invalid_input', `checklist title must be 1–200 characters`);
    for (const section of checklist.sections) {
      if (!fits(section.title, 200)) return fail('invalid_input', `section title must be 1–200 characters`);
      for (const item of section.items) {
        if (!fits(item.title, 500)) return fail('invalid_input', `item title must be 1–500 characters`);
      }
    }
  }
  return null;
}

function fits(text: string, max: number): boolean {
  return text.length >= 1 && text.length <= max;
}

/** The ISO due time, or undefined when the due value is malformed. */
function dueTime(due: TemplateDue, startMs: number, timezone: string): string | undefined {
  if ('minutes' in due) {
    return Number.isInteger(due.minutes)
      ? new Date(startMs + due.minutes * MINUTE_MS).toISOString()
      : undefined;
  }
  const match = TIME_OF_DAY.exec(due.time);
  if (!match || !Number.isInteger(due.day)) return undefined;
  const start = wallClockAt(startMs, timezone);
  const date = new Date(Date.UTC(start.year, start.month - 1, start.day + due.day));
  const wall = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Number(match[1]),
    minute: Number(match[2]),
  };
  return new Date(instantOfWallClock(wall, timezone)).toISOString();
}

function writePlan(doc: Y.Doc, plan: Plan): OpResult<AppliedTemplate> {
  const applied: AppliedTemplate = { checklistIds: [], sectionCount: 0, itemCount: 0 };
  for (const checklist of plan) {
    const checklistId = unwrap(addChecklist(doc, { title: checklist.title }));
    applied.checklistIds.push(checklistId);
    for (const section of checklist.sections) {
      const sectionId = unwrap(addSection(doc, { checklistId, title: section.title }));
      applied.sectionCount += 1;
      for (const item of section.items) {
        unwrap(addItem(doc, { sectionId, ...item }));
        applied.itemCount += 1;
      }
    }
  }
  return ok(applied);
}

/** The plan was checked before the first write, so a refusal here is a bug, not bad input. */
function unwrap<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`applying a checked template failed: ${result.error.message}`);
  return result.value;
}
