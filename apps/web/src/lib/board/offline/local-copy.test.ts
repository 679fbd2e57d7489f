import { describe, expect, it } from 'vitest';
import { isLocalCopyOf, localCopyName } from './local-copy.ts';

describe('local copy names', () => {
  it('names one database per person and document', () => {
    expect(localCopyName('u1', 'b1')).toBe('pairboard:u1:b1');
    expect(localCopyName('u1', 'b1~contacts')).toBe('pairboard:u1:b1~contacts');
  });

  it('tells one person’s copies from another’s, even when one id starts the other', () => {
    expect(isLocalCopyOf('u1', localCopyName('u1', 'b1'))).toBe(true);
    expect(isLocalCopyOf('u1', localCopyName('u12', 'b1'))).toBe(false);
    expect(isLocalCopyOf('u1', 'some-other-app')).toBe(false);
  });

  it('keeps a user id with separators from reaching into another person’s names', () => {
    expect(isLocalCopyOf('a', localCopyName('a:b', 'c'))).toBe(false);
  });
});
