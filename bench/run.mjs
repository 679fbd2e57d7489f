#!/usr/bin/env node
/*
 * Issue 7's benchmark suite, first slice: fan-out and join storm against Pairboard's server and,
 * as peers, @y/websocket-server and @hocuspocus/server. Servers alternate (A B C A B C), each run
 * on a fresh server process; it prints medians with min–max and writes results/latest.json.
 *
 *   node bench/run.mjs                 the issue's sizes (500 subscribers, 20 s, 300 joiners), 3 repeats
 *   node bench/run.mjs --quick         small sizes, 1 repeat: for working on the bench itself
 *   node bench/run.mjs --scenarios join-storm --servers pairboard,hocuspocus --repeats 5
 *
 * Every size is also an environment variable: BENCH_SUBSCRIBERS, BENCH_DURATION_S, BENCH_RATE,
 * BENCH_GENERATORS, BENCH_JOINERS, BENCH_GUESTS, BENCH_CHECKLIST, BENCH_REPEATS.
 * Figures only: nothing here passes or fails on a time.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PAIRBOARD_STORAGES, SERVERS } from './lib/processes.mjs';
import { summarize } from './lib/stats.mjs';
import { runFanOut } from './scenarios/fan-out.mjs';
import { runJoinStorm } from './scenarios/join-storm.mjs';
import { runManyBoards } from './scenarios/many-boards.mjs';
import { runCheckInRush } from './scenarios/check-in-rush.mjs';
import { runClient } from './scenarios/client.mjs';
import { evaluateGoals, formatGoals, formatTables, METRICS } from './lib/report.mjs';

const QUICK = {
  subscribers: 100,
  'duration-s': 5,
  joiners: 50,
  guests: 1000,
  checklist: 100,
  boards: 50,
  repeats: 1,
};
const DEFAULTS = {
  subscribers: 500,
  'duration-s': 20,
  rate: 20,
  generators: 2,
  joiners: 300,
  guests: 5000,
  checklist: 500,
  boards: 300,
  'clients-per-board': 3,
  'extra-per-board': 3,
  'board-items': 20,
  'rush-guests': 2000,
  'rush-writers': 20,
  'rush-contested': 10,
  'client-guests': 10000,
  'client-runs': 3,
  repeats: 3,
};
const ALL_SCENARIOS = ['fan-out', 'durable', 'join-storm', 'many-boards', 'check-in-rush', 'client'];
const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenarios: { type: 'string', default: ALL_SCENARIOS.join(',') },
    servers: { type: 'string', default: SERVERS.join(',') },
    out: { type: 'string', default: new URL('./results/latest.json', import.meta.url).pathname },
    ...Object.fromEntries(Object.keys(DEFAULTS).map((name) => [name, { type: 'string' }])),
  },
});
const size = (name) => {
  const raw = flags[name] ?? process.env[`BENCH_${name.replaceAll('-', '_').toUpperCase()}`];
  return Number(raw ?? (flags.quick && name in QUICK ? QUICK[name] : DEFAULTS[name]));
};
const options = Object.fromEntries(Object.keys(DEFAULTS).map((name) => [name, size(name)]));
const servers = flags.servers.split(',');
const scenarios = flags.scenarios.split(',');
const fanOut = (kind) =>
  runFanOut(kind, {
    subscribers: options.subscribers,
    generators: options.generators,
    rate: options.rate,
    durationMs: options['duration-s'] * 1000,
    drainMs: 10_000,
  });
/** Per scenario: which servers (or Pairboard storages) it runs against, and one run of it. */
const SCENARIOS = {
  'fan-out': { servers, run: fanOut },
  durable: { servers: PAIRBOARD_STORAGES, run: fanOut },
  'join-storm': {
    servers,
    run: (kind) =>
      runJoinStorm(kind, {
        joiners: options.joiners,
        generators: options.generators,
        guests: options.guests,
        checklist: options.checklist,
        timeoutMs: 180_000,
      }),
  },
  'many-boards': {
    servers,
    run: (kind) =>
      runManyBoards(kind, {
        boards: options.boards,
        perBoard: options['clients-per-board'],
        extraPerBoard: options['extra-per-board'],
        items: options['board-items'],
        generators: options.generators,
      }),
  },
  'check-in-rush': {
    servers,
    run: (kind) =>
      runCheckInRush(kind, {
        guests: options['rush-guests'],
        writers: options['rush-writers'],
        contested: options['rush-contested'],
        generators: options.generators,
        timeoutMs: 120_000,
      }),
  },
  // One process, one board, `client-runs` page loads (each a result): Pairboard only.
  client: {
    servers: ['pairboard'],
    repeats: 1,
    run: () => runClient({ guests: options['client-guests'], runs: options['client-runs'] }),
  },
};
for (const scenario of scenarios)
  if (!SCENARIOS[scenario])
    throw new Error(`unknown scenario ${scenario}; known: ${ALL_SCENARIOS.join(', ')}`);

/** One run; a setup this machine cannot provide (no Postgres server) is recorded as not measured. */
async function runOnce(scenario, kind) {
  try {
    return await SCENARIOS[scenario].run(kind);
  } catch (error) {
    if (error?.name !== 'NotMeasured') throw error;
    return { notMeasured: error.message };
  }
}

const startedAt = new Date();
const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
};
console.log(
  `bench ${startedAt.toISOString()} on ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB`,
);
console.log(`options ${JSON.stringify(options)}; servers ${servers.join(' ')}`);

const runs = {};
for (const scenario of scenarios) {
  const { servers: kinds, repeats = options.repeats } = SCENARIOS[scenario];
  runs[scenario] = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    for (const kind of kinds) {
      const began = performance.now();
      const result = await runOnce(scenario, kind);
      runs[scenario][kind].push(...[result].flat());
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      console.log(`${scenario} #${repeat} ${kind} (${seconds} s): ${JSON.stringify(result)}`);
    }
  }
}

const summary = {};
for (const [scenario, byServer] of Object.entries(runs)) {
  summary[scenario] = {};
  for (const [kind, results] of Object.entries(byServer)) {
    const measured = results.filter((result) => !result.notMeasured);
    summary[scenario][kind] =
      measured.length === 0
        ? { notMeasured: results[0]?.notMeasured ?? 'no run' }
        : Object.fromEntries(
            METRICS[scenario].map(({ key }) => [key, summarize(measured.map((result) => result[key]))]),
          );
  }
}
const goals = evaluateGoals(summary, runs);
const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
const tables = formatTables(summary);
console.log(`\n${tables}\n\n${formatGoals(goals)}`);

machine.loadAverageAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  flags.out,
  `${JSON.stringify({ date: startedAt.toISOString(), command, machine, options, summary, goals, tables, runs }, null, 2)}\n`,
);
console.log(`\nwrote ${flags.out} (${((Date.now() - startedAt.getTime()) / 60000).toFixed(1)} min)`);
