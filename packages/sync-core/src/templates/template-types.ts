import type { BoardLanguage } from '@pairboard/board-schema';

/** Template text in both board languages; the board's language picks one when it is applied. */
export type LocalizedText = Record<BoardLanguage, string>;

/**
 * Who an item is for before any person or pair exists on the board: the on-site member, the
 * remote member, or the pair together (2-on-1 model). `applyTemplate` resolves a placeholder
 * to a real owner when it is given one, and otherwise tags the item's title with it.
 */
export type OwnerPlaceholder = 'onsite' | 'remote' | 'pair';

/**
 * When an item is due, relative to the event's start:
 * - `{ day, time }`: a wall-clock time (`HH:MM`, board timezone) `day` days from the start's
 *   local date (`day: -7, time: '18:00'` is "a week before, 18:00 local");
 * - `{ minutes }`: minutes from `startsAt` (`-30` is half an hour before doors open).
 */
export type TemplateDue = { day: number; time: string } | { minutes: number };

export interface TemplateItem {
  title: LocalizedText;
  owner: OwnerPlaceholder | null;
  due: TemplateDue | null;
}

export interface TemplateSection {
  title: LocalizedText;
  items: TemplateItem[];
}

export interface TemplateChecklist {
  title: LocalizedText;
  sections: TemplateSection[];
}

/** What a template puts on a board: checklists, sections and items only (no people, guests or incidents). */
export interface TemplateContent {
  checklists: TemplateChecklist[];
}

export type ScenarioTemplateId = 'daily-operations' | 'onsite-event' | 'client-training' | 'cross-region';

/** A built-in scenario template, with a name and a one-line description for the picker. */
export interface ScenarioTemplate extends TemplateContent {
  id: ScenarioTemplateId;
  name: LocalizedText;
  description: LocalizedText;
}
