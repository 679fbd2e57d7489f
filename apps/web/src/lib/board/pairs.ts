import type { Pair, Person } from '@pairboard/board-schema';

export interface PairView {
  pair: Pair;
  onsiteName: string;
  remoteName: string;
}

/** Pairs with their members' names; a person no longer on the board shows as their id. */
export function describePairs(pairs: readonly Pair[], people: readonly Person[]): PairView[] {
  const names = new Map(people.map((person) => [person.id, person.name]));
  return pairs.map((pair) => ({
    pair,
    onsiteName: names.get(pair.onsiteId) ?? pair.onsiteId,
    remoteName: names.get(pair.remoteId) ?? pair.remoteId,
  }));
}

/** Who can be put into a new pair: one list per position, by name. */
export function pairCandidates(people: readonly Person[]): { onsite: Person[]; remote: Person[] } {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  return {
    onsite: sorted.filter((person) => person.position === 'onsite'),
    remote: sorted.filter((person) => person.position === 'remote'),
  };
}

/** The name a pair gets when the owner leaves it empty: "张三 + Li Mei". */
export function defaultPairName(onsite: Person, remote: Person): string {
  return `${onsite.name} + ${remote.name}`.slice(0, 100);
}
