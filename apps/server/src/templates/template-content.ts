import { z } from 'zod';
import type { TemplateContent } from '@pairboard/sync-core';

/*
 * The shape of a saved template's `content` column. Parsed on the way out of the database
 * (rows written by older code are not trusted), with limits that keep one template from
 * making a board nobody can scroll.
 */

const MAX_ITEMS = 2000;
const DAY_RANGE = 366;
const MINUTE_RANGE = DAY_RANGE * 24 * 60;

const Text = (max: number) => z.object({ 'zh-CN': z.string().max(max), en: z.string().max(max) });

const Due = z.union([
  z.object({
    day: z.number().int().min(-DAY_RANGE).max(DAY_RANGE),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM'),
  }),
  z.object({ minutes: z.number().int().min(-MINUTE_RANGE).max(MINUTE_RANGE) }),
]);

const Item = z.object({
  title: Text(500),
  owner: z.enum(['onsite', 'remote', 'pair']).nullable(),
  due: Due.nullable(),
});

const Section = z.object({ title: Text(200), items: z.array(Item).max(500) });
const Checklist = z.object({ title: Text(200), sections: z.array(Section).max(100) });

export const TemplateContentSchema: z.ZodType<TemplateContent> = z
  .object({ checklists: z.array(Checklist).max(50) })
  .refine(
    (content) =>
      content.checklists.reduce(
        (sum, checklist) => sum + checklist.sections.reduce((n, section) => n + section.items.length, 0),
        0,
      ) <= MAX_ITEMS,
    `a template holds at most ${MAX_ITEMS} items`,
  );

/** Counts for a picker: how much a template puts on a board. */
export function templateSize(content: TemplateContent): { sectionCount: number; itemCount: number } {
  const sections = content.checklists.flatMap((checklist) => checklist.sections);
  return {
    sectionCount: sections.length,
    itemCount: sections.reduce((sum, section) => sum + section.items.length, 0),
  };
}
