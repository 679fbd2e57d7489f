#!/usr/bin/env node
/*
 * Reads a `--cpu-prof` profile of a server run and prints where its busy time went, inclusive
 * per function, optionally only between the first and the last sample whose stack holds a given
 * function (so that start-up and connecting clients do not hide a scenario's steady state).
 *
 *   BENCH_SERVER_NODE_FLAGS="--expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof" BENCH_REPEATS=1 \
 *     node bench/run.mjs --scenarios fan-out --servers pairboard
 *   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile --within onDurable --top 40
 *
 * Figures only.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { within: { type: 'string' }, top: { type: 'string', default: '40' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--within <function>] [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const label = ({ callFrame }) =>
  `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`;
const stacks = new Map();
const stackOf = (id) => {
  let stack = stacks.get(id);
  if (stack) return stack;
  stack = [];
  for (let at = id; at !== undefined; at = parents.get(at)) stack.push(label(nodes.get(at)));
  stacks.set(id, stack);
  return stack;
};

let from = 0;
let to = profile.samples.length - 1;
if (args.within) {
  const hits = [];
  profile.samples.forEach((id, i) => {
    if (stackOf(id).some((frame) => frame.startsWith(`${args.within} `))) hits.push(i);
  });
  if (hits.length === 0) {
    console.error(`no sample has ${args.within} on its stack`);
    process.exit(1);
  }
  [from, to] = [hits[0], hits.at(-1)];
}

const inclusive = new Map();
let wall = 0;
let idle = 0;
for (let i = from; i <= to; i += 1) {
  const micros = profile.timeDeltas[i] ?? 0;
  const stack = stackOf(profile.samples[i]);
  wall += micros;
  if (stack[0].startsWith('(idle)')) idle += micros;
  for (const frame of new Set(stack)) inclusive.set(frame, (inclusive.get(frame) ?? 0) + micros);
}
const ms = (micros) => (micros / 1000).toFixed(0).padStart(7);
console.log(
  `${args.within ? `within ${args.within}: ` : ''}${ms(wall)} ms of samples, ${ms(wall - idle)} ms busy`,
);
console.log('inclusive ms  function');
const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top));
for (const [frame, micros] of top) console.log(`${ms(micros)}       ${frame}`);
