import { describe, expect, it } from 'vitest';
import { checkColumnMapping, fieldForHeader, guessColumnMapping } from './columns.ts';

describe('guessColumnMapping', () => {
  it('maps the Chinese headers event teams use', () => {
    expect(
      guessColumnMapping([
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
      ]),
    ).toEqual(['name', 'company', 'title', 'phone', 'email', 'tags', 'host', 'seat', 'plusOnes', 'notes']);
  });

  it('maps English headers whatever their case and spacing', () => {
    expect(
      guessColumnMapping(['Full Name', 'COMPANY', 'Job title', 'E-mail', 'Plus-ones', 'Seat/zone']),
    ).toEqual(['name', 'company', 'title', 'email', 'plusOnes', 'seat']);
  });

  it('reads through full-width brackets and remarks after the field name', () => {
    expect(fieldForHeader('手机号码（必填）')).toBe('phone');
    expect(fieldForHeader(' 备注 (内部) ')).toBe('notes');
  });

  it('gives a field to the first column that names it and ignores unknown headers', () => {
    expect(guessColumnMapping(['姓名', '电话', '手机', '饮食'])).toEqual(['name', 'phone', null, null]);
  });
});

describe('checkColumnMapping', () => {
  it('asks for a name column', () => {
    expect(checkColumnMapping(['company', null])).toEqual(['no column is mapped to name']);
  });

  it('refuses a field mapped from two columns', () => {
    expect(checkColumnMapping(['name', 'phone', 'phone'])).toEqual([
      'more than one column is mapped to phone',
    ]);
  });

  it('accepts a mapping with a name and distinct fields', () => {
    expect(checkColumnMapping(['name', null, 'email'])).toEqual([]);
  });
});
