/*
 * One seeded PRNG (mulberry32) for everything that must be repeatable from a number: the demo
 * board, the convergence and order-key tests, the server-side update fuzz. Small, fast, and
 * the same on every platform and in the browser, so a failing seed printed by CI replays exactly.
 * Not for secrets: ids and tokens come from `crypto`.
 */

/**
 * A function yielding floats in [0, 1), fully determined by `seed` (taken as an unsigned 32-bit integer).
 *
 * @example
 * const random = createSeededRandom(2026);
 * const dice = 1 + randomInt(random, 6);
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, below), drawn from `random`. */
export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** One element of a non-empty list, drawn from `random`. Throws on an empty list (a caller's bug). */
export function pickRandom<T>(random: () => number, list: readonly T[]): T {
  const value = list[randomInt(random, list.length)];
  if (value === undefined) throw new RangeError('pickRandom needs a non-empty list');
  return value;
}
