import type { GuestTag } from '@pairboard/board-schema';

const TAG_SYNONYMS: Record<GuestTag, readonly string[]> = {
  vip: ['vip', '贵宾', '重要嘉宾', '重要客户'],
  speaker: ['speaker', 'speakers', '演讲嘉宾', '讲者', '演讲者', '讲师', '发言人', '嘉宾讲者'],
  media: ['media', 'press', '媒体', '记者'],
  staff: ['staff', '工作人员', '员工', '内部人员', '内部'],
};

const BY_WORD = new Map<string, GuestTag>(
  (Object.keys(TAG_SYNONYMS) as GuestTag[]).flatMap((tag) =>
    TAG_SYNONYMS[tag].map((word) => [word, tag] as const),
  ),
);

/** Separators people use between tags in one cell: commas, semicolons, 、, slashes, bars, spaces. */
const TAG_SEPARATORS = /[,;、/|\s]+/;

/** The tags a cell names (Chinese or English, any case) and the words that name no tag. */
export function parseTags(cell: string): { tags: GuestTag[]; unknown: string[] } {
  const tags: GuestTag[] = [];
  const unknown: string[] = [];
  for (const word of cell.normalize('NFKC').split(TAG_SEPARATORS)) {
    if (word === '') continue;
    const tag = BY_WORD.get(word.toLowerCase());
    if (tag === undefined) unknown.push(word);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, unknown };
}
