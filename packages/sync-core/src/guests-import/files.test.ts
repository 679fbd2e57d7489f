import { describe, expect, it } from 'vitest';
import type { Guest, GuestContact } from '@pairboard/board-schema';
import { guessColumnMapping } from './columns.ts';
import { buildGuestExportTable } from './export-table.ts';
import { GuestFileError, decodeCsvBytes, neutralizeFormula, readGuestFile, writeGuestFile } from './files.ts';

const ZHANG: Guest = {
  id: 'g1',
  name: '张伟',
  company: '华信科技',
  title: '市场总监',
  tags: ['vip', 'speaker'],
  host: '王芳',
  seat: 'A区',
  plusOnes: 2,
  walkIn: false,
  checkIn: { at: '2026-05-20T02:42:00.000Z', by: { id: 'u1', name: '李强' } },
};
const WALK_IN: Guest = {
  ...ZHANG,
  id: 'g2',
  name: '=HYPERLINK("x")',
  tags: [],
  plusOnes: 0,
  walkIn: true,
  checkIn: null,
};
const CONTACTS = new Map<string, GuestContact>([
  ['g1', { guestId: 'g1', phone: '+86 13800138001', email: 'zw@huaxin.cn', notes: '素食' }],
]);

describe('buildGuestExportTable', () => {
  it('writes every guest with check-in, companions and contact data under Chinese headers', () => {
    const table = buildGuestExportTable([ZHANG, WALK_IN], {
      language: 'zh-CN',
      contacts: CONTACTS,
      companionsArrived: new Map([['g1', 1]]),
    });
    expect(table[0]).toEqual([
      '姓名',
      '公司',
      '职位',
      '手机',
      '邮箱',
      '标签',
      '接待人',
      '座位/区域',
      '随行人数',
      '备注',
      '现场登记',
      '签到时间',
      '签到人',
      '随行已到',
    ]);
    expect(table[1]).toEqual([
      '张伟',
      '华信科技',
      '市场总监',
      '+86 13800138001',
      'zw@huaxin.cn',
      '贵宾, 演讲嘉宾',
      '王芳',
      'A区',
      '2',
      '素食',
      '',
      '2026-05-20T02:42:00.000Z',
      '李强',
      '1',
    ]);
    expect(table[2]?.[10]).toBe('是');
  });

  it('leaves the contact columns out without contact data', () => {
    const table = buildGuestExportTable([ZHANG], { language: 'en', contacts: null });
    expect(table[0]).not.toContain('Phone');
    expect(table[0]).not.toContain('Notes');
    expect(table[1]?.[3]).toBe('VIP, speaker');
  });

  it('writes headers that a later import maps back to the same fields', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const [header = []] = buildGuestExportTable([], { language, contacts: CONTACTS });
      expect(guessColumnMapping(header).slice(0, 10)).toEqual([
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
    }
  });
});

describe('guest files', () => {
  const table = buildGuestExportTable([ZHANG, WALK_IN], { language: 'zh-CN', contacts: CONTACTS });

  it('round-trips a table through .xlsx', async () => {
    const { bytes, mimeType } = await writeGuestFile(table, 'xlsx');
    expect(mimeType).toContain('spreadsheetml');
    expect(await readGuestFile('export.xlsx', bytes)).toEqual(table);
  });

  it('writes CSV with a BOM and neutralised formulas, and reads it back', async () => {
    const { bytes } = await writeGuestFile(table, 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = await readGuestFile('export.CSV', bytes);
    expect(back[1]?.[3]).toBe('+86 13800138001');
    expect(back[2]?.[0]).toBe(`'=HYPERLINK("x")`);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030)', () => {
    // "姓名,公司" in GB18030.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb9, 0xab, 0xcb, 0xbe]);
    expect(decodeCsvBytes(gbk)).toBe('姓名,公司');
  });

  it('refuses other file types and broken workbooks with a GuestFileError', async () => {
    await expect(readGuestFile('guests.xls', new Uint8Array())).rejects.toBeInstanceOf(GuestFileError);
    await expect(readGuestFile('guests.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /could not be read/,
    );
  });

  it('leaves phone numbers alone and escapes cells a spreadsheet would run', () => {
    expect(neutralizeFormula('-12 34')).toBe('-12 34');
    expect(neutralizeFormula('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(neutralizeFormula('@cmd')).toBe("'@cmd");
  });
});
