import { describe, expect, it } from 'vitest';
import { absoluteUrl, entryState, optionalWholeNumber, sortEntries } from './entry-state.ts';

const NOW = new Date('2026-05-20T10:00:00Z');

describe('entryState', () => {
  it('is revoked before anything else, then expired by date, else active', () => {
    expect(entryState({ expiresAt: '2026-05-19T00:00:00Z', revokedAt: '2026-05-18T00:00:00Z' }, NOW)).toBe(
      'revoked',
    );
    expect(entryState({ expiresAt: '2026-05-20T10:00:00Z', revokedAt: null }, NOW)).toBe('expired');
    expect(entryState({ expiresAt: '2026-05-21T00:00:00Z', revokedAt: null }, NOW)).toBe('active');
    expect(entryState({ expiresAt: null, revokedAt: null }, NOW)).toBe('active');
  });
});

describe('sortEntries', () => {
  it('lists working entries first, newest first within each group', () => {
    const entries = [
      { id: 'old', createdAt: '2026-05-01T00:00:00Z', expiresAt: null, revokedAt: null },
      {
        id: 'revoked',
        createdAt: '2026-05-19T00:00:00Z',
        expiresAt: null,
        revokedAt: '2026-05-19T01:00:00Z',
      },
      { id: 'new', createdAt: '2026-05-10T00:00:00Z', expiresAt: null, revokedAt: null },
    ];
    expect(sortEntries(entries, NOW).map((e) => e.id)).toEqual(['new', 'old', 'revoked']);
  });
});

describe('absoluteUrl', () => {
  it('turns the path the server returns into a full link', () => {
    expect(absoluteUrl('/invite/abc', 'https://pb.example')).toBe('https://pb.example/invite/abc');
    expect(absoluteUrl('https://other.example/c/x', 'https://pb.example')).toBe('https://other.example/c/x');
  });
});

describe('optionalWholeNumber', () => {
  it('is undefined when empty, the number when in range, null otherwise', () => {
    expect(optionalWholeNumber('', 1, 720)).toBeUndefined();
    expect(optionalWholeNumber(null, 1, 720)).toBeUndefined();
    expect(optionalWholeNumber('72', 1, 720)).toBe(72);
    expect(optionalWholeNumber(721, 1, 720)).toBeNull();
    expect(optionalWholeNumber('1.5', 1, 720)).toBeNull();
  });
});
