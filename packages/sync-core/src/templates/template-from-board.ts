import type * as Y from 'yjs';
import type { ChecklistItem, Person } from '@pairboard/board-schema';
import { readChecklists, readItems, readSections } from '../board/checklists.ts';
import { readMeta } from '../board/meta.ts';
import { readPeople } from '../board/people.ts';
import { splitOwnerTag } from './owner-tags.ts';
import type { OwnerPlaceholder, TemplateContent, TemplateItem } from './template-types.ts';

const MINUTE_MS = 60_000;

/**
 * A board's checklists, sections and items as a template, for "save as template". Nothing
 * personal is kept: owners become placeholders (a pair stays a pair, a person becomes the
 * position they work in), due times become minutes from the event start, and statuses and
 * sign-offs are dropped. The text is the board's own, used for both languages.
 * Returns null when the doc is not a board.
 */
export function templateFromBoard(doc: Y.Doc): TemplateContent | null {
  const meta = readMeta(doc);
  if (!meta) return null;
  const startMs = Date.parse(meta.startsAt);
  const people = new Map(readPeople(doc).map((person) => [person.id, person]));
  const items = readItems(doc);
  const sections = readSections(doc);
  return {
    checklists: readChecklists(doc).map((checklist) => ({
      title: both(checklist.title),
      sections: sections
        .filter((section) => section.checklistId === checklist.id)
        .map((section) => ({
          title: both(section.title),
          items: items
            .filter((item) => item.sectionId === section.id)
            .map((item) => toTemplateItem(item, people, startMs)),
        })),
    })),
  };
}

function toTemplateItem(item: ChecklistItem, people: Map<string, Person>, startMs: number): TemplateItem {
  const tagged = splitOwnerTag(item.title);
  const dueMs = item.dueAt ? Date.parse(item.dueAt) : Number.NaN;
  return {
    title: both(tagged.title),
    owner: placeholderOf(item, people) ?? tagged.owner,
    due:
      Number.isNaN(dueMs) || Number.isNaN(startMs)
        ? null
        : { minutes: Math.round((dueMs - startMs) / MINUTE_MS) },
  };
}

function placeholderOf(item: ChecklistItem, people: Map<string, Person>): OwnerPlaceholder | null {
  if (!item.owner) return null;
  if (item.owner.kind === 'pair') return 'pair';
  return people.get(item.owner.id)?.position ?? null;
}

function both(text: string): { 'zh-CN': string; en: string } {
  return { 'zh-CN': text, en: text };
}
