// The fuzz tests here use the package's one seeded PRNG; this file keeps their import path.
export { createSeededRandom, randomInt } from '../seeded-random.ts';
