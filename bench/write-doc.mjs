#!/usr/bin/env node
/*
 * Writes docs/performance.md from bench/results/latest.json (what run.mjs wrote), so the table in
 * the doc is always the one a run printed. `node bench/write-doc.mjs [results.json]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatGoals } from './lib/report.mjs';

const resultsPath = process.argv[2] ?? new URL('./results/latest.json', import.meta.url).pathname;
const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const { machine, options } = results;
const docPath = new URL('../docs/performance.md', import.meta.url).pathname;

const doc = `# Performance

Pairboard's sync server side by side with the servers a team would otherwise pick:
[\`@y/websocket-server\`](https://github.com/yjs/y-websocket-server) (in memory) and
[\`@hocuspocus/server\`](https://tiptap.dev/docs/hocuspocus) (in memory, no extensions), driven by the
same load generator (issue 7). This page is written by \`bench/write-doc.mjs\` from the latest run;
do not edit the figures by hand.

## The latest run

- Date: ${results.date}
- Command: \`${results.command}\` then \`node bench/write-doc.mjs\`
- Machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB memory, Node ${machine.node};
  load average ${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')}
  at the end (other work on the machine shows up here and in the spread of the figures).
- Sizes: ${JSON.stringify(options)}

Each cell is the median over ${options.repeats} runs with min–max in brackets. Servers alternate
(Pairboard, y-websocket, Hocuspocus, then again), each run on a fresh server process. Server CPU
is utime + stime from \`/proc/<pid>/stat\`; peak memory is VmHWM from \`/proc/<pid>/status\`.

**Like for like.** Both peers keep documents in memory only, so in the fan-out, join-storm,
many-boards and check-in-rush tables Pairboard runs with \`BOARD_LOG=memory\`: board updates
stay in the process, over the board's stored creation state (users, boards and sessions are still
in the embedded database, whose ~0.6 GB shows in Pairboard's peak RSS). What persistence costs
is the *durable* table: the same fan-out on Pairboard in memory, on the embedded PGlite and on
the Postgres server.

**Who writes.** On Pairboard the fan-out writer is the board's owner, connected as a browser
is (session cookie from sign-up, and an \`Origin\` header equal to the server's own
\`http://127.0.0.1:PORT\` on the WebSocket upgrade): an owner is the usual writer, and an editor's
updates pay an extra per-role write check. Subscribers and joiners connect with an editor access
token (\`?token=\`); they only read. The peers accept anyone.

${results.tables}

## Goals of issue 7 (ratio: Pairboard's median over the best peer's median)

${formatGoals(results.goals)}

## How it is measured

- **fan-out**: one board, ${options.subscribers} subscribers split over ${options.generators} load-generator
  processes, one writer in a process of its own changing one guest field ${options.rate} times a second
  for ${options['duration-s']} s. Latency is from the writer's send to each subscriber's receipt (wall
  clock, sub-millisecond, same machine). "First subscriber" is the fastest receipt of each edit,
  which the generators' event loops do not stretch. A server may merge edits that arrive together
  into one update (Hocuspocus does); seeing edit k counts edits up to k as delivered then.
  Subscribers announce a presence (awareness) state once when they connect, before the clock starts.
- **join storm**: a seeding client writes ${options.guests} guests (8 fields each) and ${options.checklist}
  checklist items as plain Y.Map data in Pairboard's entity layout, and stays connected; then
  ${options.joiners} clients connect at once. A joiner is synced when the server's sync step 2 (the whole
  board) has arrived. Only the first joiner of each generator process applies it and checks the
  counts, so that the generators do not spend the run decoding 1.2 MB 300 times.
- Clients speak the y-websocket protocol directly (\`ws\` + y-protocols + lib0, \`bench/load/\`);
  for Hocuspocus every frame carries the document name and an auth message goes first.
- The machine has ${machine.nproc} cores: server and load generators share them, so a server that burns
  more CPU also slows the generators. Read the CPU rows next to the latency rows.

## Not yet measured (later slices of issue 7)

- **many boards**: 300 boards with 3 clients each, memory per board and per connection after a
  forced GC (the servers already start with \`--expose-gc\`).
- **durable**: fan-out with Postgres persistence (PGlite and the Postgres server) vs in memory.
- **check-in rush**: 20 writers check in 2,000 guests concurrently; all recorded once.
- **client**: the 10,000-guest board in Chromium (\`bench/client-10k-guests.mjs\` measures it today,
  outside this table).

## Running it

\`\`\`
node bench/run.mjs            # the issue's sizes, 3 repeats (about 10 minutes)
node bench/run.mjs --quick    # small sizes, 1 repeat
node bench/write-doc.mjs      # this page from bench/results/latest.json
\`\`\`
`;
writeFileSync(docPath, doc);
console.log(`wrote ${docPath}`);
