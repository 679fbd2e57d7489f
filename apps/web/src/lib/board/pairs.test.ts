import { describe, expect, it } from 'vitest';
import type { Person } from '@pairboard/board-schema';
import { defaultPairName, describePairs, pairCandidates } from './pairs.ts';

const people: Person[] = [
  { id: 'u2', name: 'Zhou', position: 'remote' },
  { id: 'u1', name: '张三', position: 'onsite' },
  { id: 'u3', name: 'Li', position: 'onsite' },
];

describe('pairCandidates', () => {
  it('splits people by position, sorted by name', () => {
    const { onsite, remote } = pairCandidates(people);
    expect(onsite.map((p) => p.id)).toEqual(['u3', 'u1']);
    expect(remote.map((p) => p.id)).toEqual(['u2']);
  });
});

describe('describePairs', () => {
  it('names both partners, and falls back to the id of someone no longer listed', () => {
    const views = describePairs([{ id: 'p1', name: 'Hall A', onsiteId: 'u1', remoteId: 'gone' }], people);
    expect(views).toEqual([
      {
        pair: { id: 'p1', name: 'Hall A', onsiteId: 'u1', remoteId: 'gone' },
        onsiteName: '张三',
        remoteName: 'gone',
      },
    ]);
  });
});

describe('defaultPairName', () => {
  it('joins the two names and keeps within the 100-character limit', () => {
    expect(defaultPairName(people[1]!, people[0]!)).toBe('张三 + Zhou');
    const long: Person = { id: 'x', name: 'n'.repeat(100), position: 'onsite' };
    expect(defaultPairName(long, people[0]!)).toHaveLength(100);
  });
});
