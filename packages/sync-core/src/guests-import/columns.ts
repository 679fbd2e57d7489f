/*
 * Which guest field each column of an imported sheet holds. Event teams keep guest lists in
 * Chinese or English spreadsheets with their own header wording, so a header is matched after
 * normalising it (case, width, spaces and punctuation) against the synonyms below; anything
 * unmatched is ignored until a person maps it in the preview.
 */

/** A guest field a column can be mapped to. */
export type GuestImportField =
  'name' | 'company' | 'title' | 'phone' | 'email' | 'tags' | 'host' | 'seat' | 'plusOnes' | 'notes';

/** Every importable field, in the order the preview lists them. */
export const GUEST_IMPORT_FIELDS: readonly GuestImportField[] = [
  'name',
  'company',
  'title',
  'phone',
  'email',
  'tags',
  'host',
  'seat',
  'plusOnes',
  'notes',
];

/** For each column of the sheet (by position), the field it fills, or null to ignore it. */
export type ColumnMapping = Array<GuestImportField | null>;

const HEADER_SYNONYMS: Record<GuestImportField, readonly string[]> = {
  name: ['姓名', '名字', '嘉宾姓名', '嘉宾', '客人姓名', 'name', 'fullname', 'guest', 'guestname'],
  company: ['公司', '单位', '工作单位', '公司名称', '机构', 'company', 'organization', 'organisation', 'org'],
  title: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position', 'role'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系电话',
    '电话号码',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail', 'emailaddress'],
  tags: ['标签', '类别', '嘉宾类型', '类型', 'tags', 'tag', 'category', 'type'],
  host: ['接待人', '对接人', '陪同', '陪同人', '接待', 'host', 'escort'],
  seat: ['座位', '区域', '座位/区域', '座位区域', '座位号', '桌号', 'seat', 'zone', 'seat/zone', 'table'],
  plusOnes: [
    '随行人数',
    '随行',
    '同行人数',
    '带人数',
    'plusones',
    'plusone',
    'plus-ones',
    'companions',
    'guests',
  ],
  notes: ['备注', '说明', '注意事项', 'notes', 'note', 'remarks', 'comments'],
};

/**
 * Lower case, half-width, without spaces, underscores or the brackets and colons people add
 * ("手机号码（必填）" keeps "手机号码必填", so an exact synonym match is tried before a prefix match).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_:*]/g, '')
    .trim();
}

const BY_SYNONYM = new Map<string, GuestImportField>(
  GUEST_IMPORT_FIELDS.flatMap((field) =>
    HEADER_SYNONYMS[field].map((s) => [normalizeHeader(s), field] as const),
  ),
);

function withoutBrackets(header: string): string {
  return header.replace(/\(.*?\)|\[.*?\]/g, '');
}

/** The field a header names, or null when it names none we know. */
export function fieldForHeader(header: string): GuestImportField | null {
  const normalized = normalizeHeader(header);
  return BY_SYNONYM.get(normalized) ?? BY_SYNONYM.get(withoutBrackets(normalized)) ?? null;
}

/**
 * Guesses a mapping from the header row. A field already taken by an earlier column is not
 * given to a later one (two "电话" columns: the first wins, the second is ignored).
 *
 * @example
 * guessColumnMapping(['姓名', 'Company', '手机', '备注（内部）']) // ['name', 'company', 'phone', 'notes']
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<GuestImportField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What is wrong with a mapping as a whole: no name column, or a field mapped twice. */
export function checkColumnMapping(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (!mapping.includes('name')) problems.push('no column is mapped to name');
  const seen = new Set<GuestImportField>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) problems.push(`more than one column is mapped to ${field}`);
    seen.add(field);
  }
  return problems;
}
