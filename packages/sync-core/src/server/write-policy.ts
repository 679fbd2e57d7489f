import type { RootFootprint, UpdateFootprint } from './update-footprint.ts';

/**
 * What a role may write to a board's doc (rule WP7 in SPEC.md):
 * - `all`: anything (owners);
 * - `none`: nothing, only an update that touches nothing (observers);
 * - `roots`: only changes and deletes inside the listed roots (editors);
 * - `door`: only appends to `checkInLog` and new guest entries in `guests`, no deletes (door staff).
 */
export type WritePolicy =
  { kind: 'all' } | { kind: 'none' } | { kind: 'roots'; roots: readonly string[] } | { kind: 'door' };

export type WritePolicyVerdict = { ok: true } | { ok: false; reason: string };

const CHECK_IN_LOG = 'checkInLog';
const GUESTS = 'guests';
const DOOR_ONLY = 'door staff may only check guests in and add walk-ins';

/**
 * Decides whether an update with this footprint (from `updateFootprint`) may be applied. A
 * refused update is refused whole; `reason` says what was refused, for the log.
 *
 * @example
 * checkWritePolicy(updateFootprint(doc, bytes), { kind: 'roots', roots: ['items', 'guests'] });
 * // { ok: false, reason: "this role may change only 'items', 'guests'; this update changes 'meta'" }
 */
export function checkWritePolicy(footprint: UpdateFootprint, policy: WritePolicy): WritePolicyVerdict {
  switch (policy.kind) {
    case 'all':
      return { ok: true };
    case 'none':
      return checkNothing(footprint);
    case 'roots':
      return checkRoots(footprint, policy.roots);
    case 'door':
      return checkDoor(footprint);
  }
}

function checkNothing(footprint: UpdateFootprint): WritePolicyVerdict {
  const [root] = footprint.roots.keys();
  if (root !== undefined)
    return refuse(`this role may not change the board; this update changes ${describeRoot(root)}`);
  if (footprint.deletes) return refuse('this role may not change the board; this update deletes');
  return { ok: true };
}

function checkRoots(footprint: UpdateFootprint, allowed: readonly string[]): WritePolicyVerdict {
  // The unknown root is refused even if listed: nobody can say what it changes (WP5).
  const allowedRoots = new Set(allowed.filter((root) => root !== ''));
  for (const root of footprint.roots.keys()) {
    if (!allowedRoots.has(root)) {
      const list = allowedRoots.size === 0 ? 'nothing' : [...allowedRoots].map((r) => `'${r}'`).join(', ');
      return refuse(`this role may change only ${list}; this update changes ${describeRoot(root)}`);
    }
  }
  return { ok: true };
}

function checkDoor(footprint: UpdateFootprint): WritePolicyVerdict {
  // Roots first: "changes 'items'" says more than "deletes", and every delete of a doc item
  // is also recorded as an existing entry of its root.
  for (const [root, touched] of footprint.roots) {
    const problem = doorProblem(root, touched);
    if (problem !== null) return refuse(`${DOOR_ONLY}; ${problem}`);
  }
  if (footprint.deletes) return refuse(`${DOOR_ONLY}; this update deletes or overwrites existing data`);
  return { ok: true };
}

function doorProblem(root: string, touched: RootFootprint): string | null {
  const [existing] = touched.existingKeys;
  if (root === CHECK_IN_LOG) {
    if (existing !== undefined) return `this update changes existing entry '${existing}' of '${root}'`;
    if (touched.newKeys.size > 0) return `this update sets keys on '${root}', which only takes appends`;
    return null;
  }
  if (root === GUESTS) {
    if (existing !== undefined) return `this update changes existing guest '${existing}'`;
    if (touched.arrayInserts > 0) return `this update inserts list elements into '${root}'`;
    return null;
  }
  return `this update changes ${describeRoot(root)}`;
}

function describeRoot(root: string): string {
  return root === '' ? 'a part of the board whose root cannot be determined' : `'${root}'`;
}

function refuse(reason: string): WritePolicyVerdict {
  return { ok: false, reason };
}
