import { describe, expect, it } from 'vitest';
import { BoardSummary } from './boards.ts';
import { AuditEntry } from './audit.ts';
import { Member } from './members.ts';
import { ShareLink } from './share-links.ts';

describe('API answer schemas', () => {
  it('reads a board with my role; a missing position is null', () => {
    expect(
      BoardSummary.parse({ id: 'b1', name: 'Expo', createdAt: '2026-05-20T00:00:00Z', role: 'door' }),
    ).toEqual({
      id: 'b1',
      name: 'Expo',
      createdAt: '2026-05-20T00:00:00Z',
      role: 'door',
      position: null,
    });
  });

  it('refuses a board whose role is not one of the four', () => {
    expect(BoardSummary.safeParse({ id: 'b1', name: 'x', createdAt: '', role: 'client' }).success).toBe(
      false,
    );
  });

  it('reads members with and without email (email reaches owners only)', () => {
    const base = {
      userId: 'u1',
      name: 'Li',
      role: 'editor',
      position: 'onsite',
      addedAt: '2026-05-20T00:00:00Z',
    };
    expect(Member.parse(base).email).toBeNull();
    expect(Member.parse({ ...base, email: 'li@example.com' }).email).toBe('li@example.com');
  });

  it('reads a listed share link whose optional fields are absent', () => {
    expect(ShareLink.parse({ id: 'l1', hasPin: false })).toEqual({
      id: 'l1',
      name: null,
      expiresAt: null,
      hasPin: false,
      createdAt: null,
      revokedAt: null,
    });
  });

  it('reads audit entries with numeric ids and a system actor', () => {
    const entry = AuditEntry.parse({
      id: 7,
      at: '2026-05-20T00:00:00Z',
      actor: null,
      action: 'token.created',
      target: 't1',
      details: {},
    });
    expect(entry).toMatchObject({ id: '7', actor: null, action: 'token.created', target: 't1' });
  });
});
