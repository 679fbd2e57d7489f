import { describe, expect, it } from 'vitest';
import type { GuestContact } from '@pairboard/board-schema';
import { guessColumnMapping } from './columns.ts';
import { decodeCsvBytes, parseCsvTable } from './csv.ts';
import { readXlsxTable } from './xlsx.ts';
import { readFixture } from './fixture-files.ts';
import { buildImportPreview, rowsToImport, summarizePreview, type ExistingGuests } from './preview.ts';

const NOBODY: ExistingGuests = { guests: [], contacts: new Map() };

/** The board already lists 林峰, whose phone the fixture's last row repeats in another format. */
const LIN_FENG: ExistingGuests = {
  guests: [{ id: 'g-lin', name: '林峰' }],
  contacts: new Map<string, GuestContact>([
    ['g-lin', { guestId: 'g-lin', phone: '139-1234-5678', email: '', notes: '' }],
  ]),
};

function preview(table: string[][], existing = NOBODY) {
  return buildImportPreview(table, guessColumnMapping(table[0] ?? []), existing);
}

// The two fixtures hold the same rows (see fixtures/make-guests-xlsx.ts), so every rule below
// is checked on both formats.
const FIXTURES = [
  ['guests-zh.csv', () => Promise.resolve(parseCsvTable(decodeCsvBytes(readFixture('guests-zh.csv'))))],
  ['guests-zh.xlsx', () => readXlsxTable(readFixture('guests-zh.xlsx'))],
] as const;

describe.each(FIXTURES)('the fixture %s', (_name, load) => {
  it('maps every column from its Chinese (or mixed) header', async () => {
    const table = await load();
    expect(guessColumnMapping(table[0] ?? [])).toEqual([
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
    ]);
  });

  it('reports each bad row with its line and reason', async () => {
    const bad = preview(await load()).rows.filter((row) => row.problems.length > 0);
    expect(bad.map((row) => [row.line, row.problems.map((p) => p.code)])).toEqual([
      [5, ['name_missing']],
      [6, ['phone_invalid']],
      [7, ['email_invalid']],
      [8, ['plus_ones_invalid']],
      [9, ['tag_unknown']],
    ]);
  });

  it('flags duplicates inside the file by phone (any format) and by e-mail (any case)', async () => {
    const dupes = preview(await load()).rows.filter((row) => row.duplicates.length > 0);
    expect(dupes.map((row) => [row.line, row.duplicates])).toEqual([
      [10, [{ source: 'file', line: 2, by: 'phone' }]],
      [11, [{ source: 'file', line: 3, by: 'email' }]],
    ]);
  });

  it('flags a duplicate of a guest already on the board', async () => {
    const row = preview(await load(), LIN_FENG).rows.find((r) => r.line === 14);
    expect(row?.duplicates).toEqual([{ source: 'board', guestId: 'g-lin', name: '林峰', by: 'phone' }]);
  });

  it('skips the blank row and imports only clean rows unless duplicates are asked for', async () => {
    const result = preview(await load(), LIN_FENG);
    expect(result.rows.some((row) => row.line === 12)).toBe(false);
    expect(summarizePreview(result)).toEqual({ ready: 4, bad: 5, duplicates: 3 });
    expect(rowsToImport(result, { includeDuplicates: false }).map((row) => row.guest.name)).toEqual([
      '张伟',
      '李娜',
      '王磊',
      '郑浩',
    ]);
    expect(rowsToImport(result, { includeDuplicates: true })).toHaveLength(7);
  });

  it('reads tags, plus-ones and contact data of a good row', async () => {
    const row = preview(await load()).rows.find((r) => r.line === 4);
    expect(row?.guest).toEqual({
      name: '王磊',
      company: '远景咨询',
      title: '合伙人',
      tags: ['speaker', 'vip'],
      host: '王芳',
      seat: '主桌',
      plusOnes: 2,
      phone: '13800138003',
      email: 'wanglei@yj.cn',
      notes: '需要提前彩排',
    });
  });
});

describe('buildImportPreview', () => {
  it('imports nothing while the mapping has no name column', () => {
    const result = buildImportPreview([['公司'], ['华信']], ['company'], NOBODY);
    expect(result.mappingProblems).toEqual(['no column is mapped to name']);
    expect(rowsToImport(result, { includeDuplicates: true })).toEqual([]);
  });

  it('ignores contacts of guests the board does not list', () => {
    const stray: ExistingGuests = {
      guests: [],
      contacts: new Map([['gone', { guestId: 'gone', phone: '13800138001', email: '', notes: '' }]]),
    };
    const result = buildImportPreview(
      [
        ['姓名', '手机'],
        ['张伟', '13800138001'],
      ],
      ['name', 'phone'],
      stray,
    );
    expect(result.rows[0]?.duplicates).toEqual([]);
  });

  it('does not check bad rows for duplicates, so a later good row is not flagged against them', () => {
    const table = [
      ['姓名', '手机', '邮箱'],
      ['', '13800138001', ''],
      ['张伟', '13800138001', ''],
    ];
    const result = buildImportPreview(table, ['name', 'phone', 'email'], NOBODY);
    expect(result.rows.map((row) => row.duplicates)).toEqual([[], []]);
  });
});
