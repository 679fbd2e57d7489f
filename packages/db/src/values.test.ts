import { describe, expect, it } from 'vitest';
import {
  toBytes,
  toDate,
  toJson,
  toNullableOneOf,
  toOneOf,
  toSafeInteger,
  toTimestampParam,
} from './values.ts';
import { constraintOf, sqlStateOf } from './pg-error.ts';

describe('toSafeInteger', () => {
  it('accepts the int8 shapes both drivers return', () => {
    expect(toSafeInteger('42', 'c')).toBe(42);
    expect(toSafeInteger(42, 'c')).toBe(42);
    expect(toSafeInteger(42n, 'c')).toBe(42);
  });

  it('refuses values that would lose precision', () => {
    expect(() => toSafeInteger('9007199254740993', 'board_updates.seq')).toThrow(
      'board_updates.seq must be a safe integer, got 9007199254740993',
    );
  });
});

describe('toBytes', () => {
  it('copies a pooled Buffer slice into a Uint8Array that owns its memory', () => {
    const pool = Buffer.alloc(1024, 7);
    const slice = pool.subarray(10, 13);
    const bytes = toBytes(slice, 'c');
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(bytes.buffer.byteLength).toBe(3);
    expect(bytes).toStrictEqual(Uint8Array.of(7, 7, 7));
  });

  it('hands back a plain Uint8Array that already owns its memory as is', () => {
    const bytes = Uint8Array.of(1, 2);
    expect(toBytes(bytes, 'c')).toBe(bytes);
  });

  it('refuses a non-bytea value', () => {
    expect(() => toBytes('\\x00', 'board_updates.bytes')).toThrow(
      'board_updates.bytes must be bytea, got string',
    );
  });
});

describe('toDate', () => {
  it('accepts a Date or a timestamp string and refuses garbage', () => {
    const date = new Date('2026-11-22T10:00:00Z');
    expect(toDate(date, 'c')).toBe(date);
    expect(toDate('2026-11-22T10:00:00Z', 'c')).toEqual(date);
    expect(() => toDate('not a date', 'c')).toThrow('c must be a timestamp, got not a date');
  });
});

describe('sqlStateOf', () => {
  it('reads a five-character SQLSTATE and ignores network error codes', () => {
    expect(sqlStateOf(Object.assign(new Error('dup'), { code: '23505' }))).toBe('23505');
    expect(sqlStateOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(sqlStateOf('23505')).toBeUndefined();
  });
});

describe('constraintOf', () => {
  it('reads the constraint name from either driver and ignores anything else', () => {
    expect(constraintOf({ code: '23505', constraint_name: 'users_email_lower_idx' })).toBe(
      'users_email_lower_idx',
    );
    expect(constraintOf({ code: '23503', constraint: 'board_members_user_id_fkey' })).toBe(
      'board_members_user_id_fkey',
    );
    expect(constraintOf(new Error('no constraint'))).toBeUndefined();
    expect(constraintOf(null)).toBeUndefined();
  });
});

describe('toOneOf / toNullableOneOf', () => {
  it('accepts allowed values and names the column and the choices otherwise', () => {
    expect(toOneOf('door', ['owner', 'door'], 'c')).toBe('door');
    expect(toNullableOneOf(null, ['onsite'], 'c')).toBeNull();
    expect(() => toOneOf('client', ['owner', 'door'], 'board_members.role')).toThrow(
      'board_members.role must be owner, door, got client',
    );
  });
});

describe('toJson', () => {
  it('parses JSON text and refuses anything else', () => {
    expect(toJson('{"a":[1,true,null]}', 'c')).toEqual({ a: [1, true, null] });
    expect(() => toJson('{oops', 'audit_log.details')).toThrow('audit_log.details must be JSON');
    expect(() => toJson({ a: 1 }, 'c')).toThrow('c must be text');
  });
});

describe('toTimestampParam', () => {
  it('sends dates as ISO text, keeps null, and refuses an invalid Date', () => {
    expect(toTimestampParam(new Date('2026-11-22T10:00:00.123Z'))).toBe('2026-11-22T10:00:00.123Z');
    expect(toTimestampParam(null)).toBeNull();
    expect(() => toTimestampParam(new Date('nope'))).toThrow(RangeError);
  });
});
