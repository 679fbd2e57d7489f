import type { BoardLanguage } from '@pairboard/board-schema';
import type { OwnerPlaceholder } from './template-types.ts';

/**
 * Title prefixes that carry an owner placeholder onto a board that has no people yet, so the
 * pair can still see who an item is for. `templateFromBoard` reads them back, so saving a board
 * made from a template and applying it again does not stack tags.
 */
export const OWNER_TAGS: Record<BoardLanguage, Record<OwnerPlaceholder, string>> = {
  'zh-CN': { onsite: '【现场】', remote: '【远程】', pair: '【双人】' },
  en: { onsite: '[On-site] ', remote: '[Remote] ', pair: '[Pair] ' },
};

const PLACEHOLDERS: readonly OwnerPlaceholder[] = ['onsite', 'remote', 'pair'];

/** Splits a leading owner tag (either language) off a title. */
export function splitOwnerTag(title: string): { owner: OwnerPlaceholder | null; title: string } {
  for (const tags of Object.values(OWNER_TAGS)) {
    for (const owner of PLACEHOLDERS) {
      const tag = tags[owner];
      if (title.startsWith(tag) && title.length > tag.length) {
        return { owner, title: title.slice(tag.length).trim() };
      }
    }
  }
  return { owner: null, title };
}
