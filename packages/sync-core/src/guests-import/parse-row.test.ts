import { describe, expect, it } from 'vitest';
import { cellsByField, describeRowProblem, parseGuestRow } from './parse-row.ts';
import { parseTags } from './tags.ts';
import { phoneKey } from './contact-keys.ts';

const MAPPING = ['name', 'phone', 'email', 'tags', 'plusOnes', 'company'] as const;

function parse(cells: string[]) {
  return parseGuestRow(cellsByField(cells, [...MAPPING]));
}

function codes(cells: string[]): string[] {
  return parse(cells).problems.map((problem) => problem.code);
}

describe('parseGuestRow', () => {
  it('builds a guest from a good row, trimming cells', () => {
    const { guest, problems } = parse([
      ' 张伟 ',
      '138 0013 8001',
      'zw@huaxin.cn',
      '贵宾、演讲嘉宾',
      '2人',
      '华信',
    ]);
    expect(problems).toEqual([]);
    expect(guest).toMatchObject({
      name: '张伟',
      phone: '138 0013 8001',
      tags: ['vip', 'speaker'],
      plusOnes: 2,
    });
  });

  it('reports a missing name', () => {
    expect(codes(['', '13800138001'])).toEqual(['name_missing']);
  });

  it('reports a phone with letters and one with too few digits', () => {
    expect(codes(['a', '1380013800X'])).toEqual(['phone_invalid']);
    expect(codes(['a', '123'])).toEqual(['phone_invalid']);
  });

  it('accepts phones written with a country code, dashes and brackets', () => {
    expect(codes(['a', '+86 (138) 0013-8001'])).toEqual([]);
  });

  it('reports an e-mail address without a domain', () => {
    expect(codes(['a', '', 'chenjing@yuntu'])).toEqual(['email_invalid']);
  });

  it('reports plus-ones that are not a whole number from 0 to 20', () => {
    expect(codes(['a', '', '', '', '三'])).toEqual(['plus_ones_invalid']);
    expect(codes(['a', '', '', '', '21'])).toEqual(['plus_ones_invalid']);
    expect(codes(['a', '', '', '', '-1'])).toEqual(['plus_ones_invalid']);
    expect(parse(['a', '', '', '', '']).guest.plusOnes).toBe(0);
  });

  it('reports each unknown tag', () => {
    const { problems } = parse(['a', '', '', 'VIP, 嘉宾, 司机']);
    expect(problems.map((p) => p.value)).toEqual(['嘉宾', '司机']);
  });

  it('reports a field longer than the board allows, with the limit', () => {
    const { problems } = parse(['a', '', '', '', '', 'x'.repeat(201)]);
    expect(problems).toEqual([{ code: 'too_long', field: 'company', value: 'x'.repeat(201), max: 200 }]);
  });

  it('reports every problem of a row at once', () => {
    expect(codes(['', 'abc', 'nope', '', 'x'])).toEqual([
      'name_missing',
      'phone_invalid',
      'email_invalid',
      'plus_ones_invalid',
    ]);
  });

  it('words a problem for logs', () => {
    expect(describeRowProblem({ code: 'email_invalid', field: 'email', value: 'x@y' })).toBe(
      "email 'x@y' is not an e-mail address",
    );
  });
});

describe('parseTags', () => {
  it('understands Chinese and English tag words in any case and with any separator', () => {
    expect(parseTags('vip；媒体 / Staff|speaker')).toEqual({
      tags: ['vip', 'media', 'staff', 'speaker'],
      unknown: [],
    });
  });

  it('keeps each tag once', () => {
    expect(parseTags('贵宾, VIP').tags).toEqual(['vip']);
  });
});

describe('phoneKey', () => {
  it('treats a mobile with and without +86 or 0086 as the same number', () => {
    expect(phoneKey('+86 138-0013-8001')).toBe('13800138001');
    expect(phoneKey('0086 13800138001')).toBe('13800138001');
    expect(phoneKey('13800138001')).toBe('13800138001');
  });
});
