import { describe, expect, it } from 'vitest';
import { authHref, safeNext } from './next.ts';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/boards/b1?x=1')).toBe('/boards/b1?x=1');
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const raw of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeNext(raw)).toBe('/');
    }
    expect(safeNext(null)).toBe('/');
    expect(safeNext('/a\nb')).toBe('/');
  });
});

describe('authHref', () => {
  it('adds the way back, encoded, unless it is the home page', () => {
    expect(authHref('/signin', '/boards/b1')).toBe('/signin?next=%2Fboards%2Fb1');
    expect(authHref('/signup', '/')).toBe('/signup');
    expect(authHref('/signin', 'https://evil.example')).toBe('/signin');
  });
});
