#!/usr/bin/env node
/*
 * Issue 7's benchmark suite: Pairboard's server against, as peers, @y/websocket-server and
 * @hocuspocus/server. Scenarios: fan-out, durable (the fan-out on Pairboard's PGlite and Postgres
 * storages), join storm, many boards, check-in rush, and the client in Chromium. Servers
 * alternate (A B C A B C), each run on a fresh server process; it prints medians with min–max
 * and writes results/latest.json (docs/performance.md is written from it by write-doc.mjs).
 *
 *   node bench/run.mjs                 the issue's sizes (500 subscribers, 300 joiners, 300
 *                                      boards, 2,000 guests), 3 repeats; fan-out edits for 8 s
 *   node bench/run.mjs --quick         small sizes, 1 repeat: for working on the bench itself
 *   node bench/run.mjs --scenarios join-storm --servers pairboard,hocuspocus --repeats 5
 *
 * Every size is also an environment variable, BENCH_ and the flag in capitals with _ for -
 * (BENCH_SUBSCRIBERS, BENCH_DURATION_S, BENCH_RUSH_GUESTS, BENCH_CLIENT_RUNS, ...).
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
import { preparePairboardTemplate } from './lib/pairboard-template.mjs';
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
  'duration-s': 8,
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

/*
 * Durable is the fan-out on Pairboard's other storages: when both run, they share one loop, so
 * Pairboard in memory, the peers, PGlite and Postgres alternate within every repeat, and the
 * durable table reuses the fan-out's in-memory Pairboard runs as its baseline.
 */
const template = process.env.BENCH_PAIRBOARD_TEMPLATE ? null : await preparePairboardTemplate();
if (template) process.env.BENCH_PAIRBOARD_TEMPLATE = template.dataDir;
process.once('exit', () => template?.remove());

const merged = scenarios.includes('fan-out') && scenarios.includes('durable');
const PERSISTENT = PAIRBOARD_STORAGES.filter((kind) => kind !== 'pairboard');
const runs = {};
for (const scenario of scenarios) {
  if (merged && scenario === 'durable') continue;
  const { servers: own, repeats = options.repeats } = SCENARIOS[scenario];
  const kinds = merged && scenario === 'fan-out' ? [...own, ...PERSISTENT] : own;
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
if (merged) {
  runs.durable = Object.fromEntries(
    PAIRBOARD_STORAGES.map((kind) => [kind, runs['fan-out'][kind]]).filter(([, list]) => list),
  );
  for (const kind of PERSISTENT) delete runs['fan-out'][kind];
}

const summary = {};
for (const scenario of scenarios) {
  const byServer = runs[scenario];
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
const minutes = Number(((Date.now() - startedAt.getTime()) / 60000).toFixed(1));
writeFileSync(
  flags.out,
  `${JSON.stringify({ date: startedAt.toISOString(), minutes, command, machine, options, summary, goals, tables, runs }, null, 2)}\n`,
);
console.log(`\nwrote ${flags.out} (${((Date.now() - startedAt.getTime()) / 60000).toFixed(1)} min)`);
