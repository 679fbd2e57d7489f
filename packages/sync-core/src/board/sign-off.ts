import type { ChecklistItem, Owner, Pair, Person } from '@pairboard/board-schema';

/*
 * The two-person sign-off (两人交叉复核): an item done by one person is verified by another.
 * When a pair owns the item, the verifier is the other member of that pair, never an outsider,
 * because the pair is who knows whether the work was done right. Only when the pair has lost a
 * member (their person entry is gone, or the pair itself is) may a board owner verify instead, so
 * an item is never stuck unverifiable. Board roles live in Postgres, not in the doc: the caller
 * says whether the actor is a board owner.
 */

/** The plain data the sign-off rule reads: the item's marks, its owner and the board's pairs and people. */
export interface SignOffContext {
  pairs: readonly Pick<Pair, 'id' | 'onsiteId' | 'remoteId'>[];
  people: readonly Pick<Person, 'id'>[];
}

/** Extra facts about the actor that are not in the doc. */
export interface VerifyOptions {
  /** The actor is an owner of the board: the fallback verifier of a pair that has lost a member. */
  boardOwner?: boolean;
}

type SignOffItem = Pick<ChecklistItem, 'status' | 'owner' | 'doneBy' | 'verifiedBy'>;

/** The members of a pair owning the item who are still on the board, or null when a person or nobody owns it. */
function pairMembers(owner: Owner | null, context: SignOffContext): string[] | null {
  if (owner?.kind !== 'pair') return null;
  const pair = context.pairs.find((candidate) => candidate.id === owner.id);
  if (!pair) return [];
  const present = new Set(context.people.map((person) => person.id));
  return [pair.onsiteId, pair.remoteId].filter((id) => present.has(id));
}

/**
 * Why `actorId` may not verify this done item, or null when they may. Used by `verifyItem` and
 * by the UI, so the interface never offers a verify it would refuse.
 */
export function verifyRefusal(
  item: SignOffItem,
  actorId: string,
  context: SignOffContext,
  options: VerifyOptions = {},
): string | null {
  if (item.status !== 'done' || !item.doneBy) return 'only a done item can be verified';
  if (item.verifiedBy && item.verifiedBy.id !== item.doneBy.id) return 'item is already verified';
  if (item.doneBy.id === actorId) return 'the person who did an item cannot verify it';
  const members = pairMembers(item.owner, context);
  if (members === null) return null;
  const others = members.filter((id) => id !== item.doneBy?.id);
  if (others.length > 0) {
    return others.includes(actorId) ? null : 'only the other member of the owning pair may verify';
  }
  return options.boardOwner ? null : 'the owning pair has no second member: a board owner must verify';
}

/** True when `actorId` may verify the item now (see `verifyRefusal`). */
export function canVerifyItem(
  item: SignOffItem,
  actorId: string,
  context: SignOffContext,
  options: VerifyOptions = {},
): boolean {
  return verifyRefusal(item, actorId, context, options) === null;
}

/** Done and waiting for the second signature: its own state in the UI and a filter. */
export function isDoneNotVerified(item: Pick<ChecklistItem, 'status' | 'doneBy' | 'verifiedBy'>): boolean {
  return item.status === 'done' && item.doneBy !== null && item.verifiedBy === null;
}
