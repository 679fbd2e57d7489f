import { describe, expect, it } from 'vitest';
import { PresenceRoster, uniqueMembers, type PresenceMember } from './presence-messages.ts';

function member(
  connectionId: string,
  userId: string,
  name: string,
  connectedAt: string,
  view: string | null = null,
): PresenceMember {
  return { connectionId, userId, name, position: 'onsite', role: 'editor', view, connectedAt };
}

describe('uniqueMembers', () => {
  it('shows a person with two tabs once, with the view of their first connection, sorted by name', () => {
    const members = uniqueMembers([
      member('c3', 'u2', 'Zhou', '2026-05-20T01:00:00Z'),
      member('c2', 'u1', 'Li', '2026-05-20T01:05:00Z', 'guests'),
      member('c1', 'u1', 'Li', '2026-05-20T01:01:00Z', 'incidents'),
    ]);
    expect(members.map((m) => [m.name, m.connectionId, m.view])).toEqual([
      ['Li', 'c1', 'incidents'],
      ['Zhou', 'c3', null],
    ]);
  });
});

describe('PresenceRoster', () => {
  it('rejects a roster member with an unknown position', () => {
    const roster = {
      boardId: 'b1',
      members: [{ ...member('c1', 'u1', 'Li', '2026-05-20T01:00:00Z'), position: 'vip' }],
    };
    expect(PresenceRoster.safeParse(roster).success).toBe(false);
  });

  it('reads a member without a position (door staff, observers) as position null', () => {
    const { position: _position, ...door } = {
      ...member('c1', 'u1', 'Li', '2026-05-20T01:00:00Z'),
      role: 'door',
    };
    const parsed = PresenceRoster.parse({
      boardId: 'b1',
      members: [door, { ...door, connectionId: 'c2', position: null }],
    });
    expect(parsed.members.map((m) => m.position)).toEqual([null, null]);
  });
});
