/* The metrics each scenario reports, the goals of issue 7, and the tables printed from them. */

const FAN_OUT_METRICS = [
  { key: 'firstP50Ms', label: 'first subscriber p50 (ms)' },
  { key: 'p50Ms', label: 'all subscribers p50 (ms)' },
  { key: 'p99Ms', label: 'all subscribers p99 (ms)' },
  { key: 'maxMs', label: 'all subscribers max (ms)' },
  { key: 'delivered', label: 'delivered', digits: 0 },
  { key: 'expected', label: 'expected', digits: 0 },
  { key: 'serverCpuUsPerDelivered', label: 'server CPU per delivered update (µs)' },
  { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
];

export const METRICS = {
  'fan-out': FAN_OUT_METRICS,
  durable: FAN_OUT_METRICS,
  'join-storm': [
    { key: 'boardBytes', label: 'board size (KB)', scale: 1e-3, digits: 0 },
    { key: 'synced', label: 'joiners synced', digits: 0 },
    { key: 'eachP50Ms', label: 'each joiner synced p50 (ms)' },
    { key: 'eachP99Ms', label: 'each joiner synced p99 (ms)' },
    { key: 'allSyncedMs', label: 'all joiners synced (ms)' },
    { key: 'serverCpuMs', label: 'server CPU during the storm (ms)' },
    { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
  ],
  'many-boards': [
    { key: 'boards', label: 'boards', digits: 0 },
    { key: 'firstConnections', label: 'connections, step 1 (3 per board)', digits: 0 },
    { key: 'connections', label: 'connections, step 2', digits: 0 },
    { key: 'baselineLiveBytes', label: 'live memory after GC, no client (MB)', scale: 1e-6 },
    { key: 'baselineRssBytes', label: 'RSS after GC, no client (MB)', scale: 1e-6, digits: 0 },
    { key: 'perBoardLiveBytes', label: 'per board with 3 clients: live memory after GC (KB)', scale: 1e-3 },
    { key: 'perBoardHeapBytes', label: 'per board with 3 clients: of which V8 heap (KB)', scale: 1e-3 },
    { key: 'perBoardRssBytes', label: 'per board with 3 clients: RSS after GC (KB)', scale: 1e-3 },
    { key: 'perConnectionLiveBytes', label: 'per extra connection: live memory after GC (KB)', scale: 1e-3 },
    { key: 'perConnectionHeapBytes', label: 'per extra connection: of which V8 heap (KB)', scale: 1e-3 },
    { key: 'perConnectionRssBytes', label: 'per extra connection: RSS after GC (KB)', scale: 1e-3 },
    { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
  ],
  'check-in-rush': [
    { key: 'guests', label: 'guests', digits: 0 },
    { key: 'checkInsWritten', label: 'check-ins written by the writers', digits: 0 },
    { key: 'recorded', label: 'guests recorded checked in (fresh client)', digits: 0 },
    { key: 'lostCheckIns', label: 'written check-ins missing from the log', digits: 0 },
    { key: 'conflicts', label: 'conflicts (later concurrent check-ins)', digits: 0 },
    { key: 'allRecordedMs', label: 'time until all recorded (ms)' },
    { key: 'serverCpuMs', label: 'server CPU during the rush (ms)' },
    { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
  ],
  client: [
    { key: 'guests', label: 'guests on the board', digits: 0 },
    { key: 'interactiveMs', label: 'time to interactive (ms)' },
    { key: 'searchP95Ms', label: 'search keystroke to results painted p95 (ms)' },
    { key: 'searchMaxMs', label: 'search keystroke to results painted max (ms)' },
    { key: 'searchWorkP95Ms', label: 'search keystroke to DOM updated p95 (ms)' },
    { key: 'scrollP95Ms', label: 'scroll frame p95 (ms)' },
  ],
};

/*
 * Issue 7's goals. `vs: 'peer'`: Pairboard's median over the best (lowest) peer's median in the
 * same scenario; `vs: 'pairboard'`: one of Pairboard's storages over Pairboard in memory;
 * `limit` with `unit`: an absolute figure.
 */
const GOALS = [
  {
    scenario: 'fan-out',
    key: 'firstP50Ms',
    vs: 'peer',
    limit: 1.0,
    text: 'fan-out: first-subscriber latency p50 ≤ 1.0×',
  },
  {
    scenario: 'fan-out',
    key: 'p99Ms',
    vs: 'peer',
    limit: 1.0,
    text: 'fan-out: all-subscribers latency p99 ≤ 1.0×',
  },
  {
    scenario: 'fan-out',
    key: 'serverCpuUsPerDelivered',
    vs: 'peer',
    limit: 0.8,
    text: 'fan-out: server CPU per delivered update ≤ 0.8×',
  },
  {
    scenario: 'join-storm',
    key: 'allSyncedMs',
    vs: 'peer',
    limit: 0.3,
    text: 'join storm: all joiners synced ≤ 0.3×',
  },
  {
    scenario: 'join-storm',
    key: 'serverCpuMs',
    vs: 'peer',
    limit: 0.3,
    text: 'join storm: server CPU ≤ 0.3×',
  },
  {
    scenario: 'many-boards',
    key: 'perBoardLiveBytes',
    vs: 'peer',
    limit: 0.7,
    text: 'many boards: memory per board (3 clients, live after GC) ≤ 0.7× the leaner peer',
    scale: 1e-3,
    shownIn: 'KB',
  },
  {
    scenario: 'many-boards',
    key: 'perConnectionLiveBytes',
    vs: 'peer',
    limit: 0.8,
    text: 'many boards: memory per connection (live after GC) ≤ 0.8× the leaner peer',
    scale: 1e-3,
    shownIn: 'KB',
  },
  {
    scenario: 'durable',
    key: 'p99Ms',
    vs: 'pairboard',
    subject: 'pairboard-pglite',
    limit: 1.5,
    text: 'durable: fan-out p99 on PGlite ≤ 1.5× Pairboard in memory',
  },
  {
    scenario: 'durable',
    key: 'p99Ms',
    vs: 'pairboard',
    subject: 'pairboard-postgres',
    limit: 1.5,
    text: 'durable: fan-out p99 on the Postgres server ≤ 1.5× Pairboard in memory',
  },
  {
    scenario: 'client',
    key: 'interactiveMs',
    limit: 1500,
    unit: 'ms',
    text: 'client: 10,000 guests interactive ≤ 1.5 s',
  },
  {
    scenario: 'client',
    key: 'searchP95Ms',
    limit: 50,
    unit: 'ms',
    text: 'client: search keystroke to results painted p95 ≤ 50 ms',
  },
];

function compare(goal, byServer) {
  const subject = goal.subject ?? 'pairboard';
  const mine = byServer[subject];
  if (!mine) return null;
  if (mine.notMeasured) return { ...goal, notMeasured: mine.notMeasured };
  const value = mine[goal.key].median;
  if (goal.unit) return { ...goal, pairboard: value, ratio: value / goal.limit, met: value <= goal.limit };
  const others =
    goal.vs === 'peer'
      ? Object.entries(byServer).filter(([kind, m]) => !kind.startsWith('pairboard') && !m.notMeasured)
      : Object.entries(byServer).filter(([kind]) => kind === goal.vs);
  if (others.length === 0) return null;
  const [bestPeer, best] = others
    .map(([kind, metrics]) => [kind, metrics[goal.key].median])
    .sort((a, b) => a[1] - b[1])[0];
  const ratio = value / best;
  return { ...goal, pairboard: value, bestPeer, best, ratio, met: ratio <= goal.limit };
}

/** Every goal that this run measured, met or missed, with its figures. */
export function evaluateGoals(summary, runs) {
  const goals = GOALS.filter((goal) => summary[goal.scenario])
    .map((goal) => compare(goal, summary[goal.scenario]))
    .filter(Boolean);
  const measured = (list) => (list ?? []).filter((run) => !run.notMeasured);
  // A set: the durable table may share the fan-out's in-memory runs.
  const fanOutRuns = new Set(
    [...Object.entries(runs['fan-out'] ?? {}), ...Object.entries(runs.durable ?? {})]
      .filter(([kind]) => kind.startsWith('pairboard'))
      .flatMap(([, list]) => measured(list)),
  );
  const lost = [...fanOutRuns].reduce((sum, run) => sum + (run.expected - run.delivered), 0);
  const rush = measured(runs['check-in-rush']?.pairboard);
  const rushLost = rush.reduce((sum, run) => sum + run.lostCheckIns + (run.guests - run.recorded), 0);
  if (runs['fan-out'] || runs.durable || rush.length > 0) {
    goals.push({
      text: 'zero lost updates (Pairboard: fan-out, durable, check-in rush; every run)',
      count: lost + rushLost,
      met: lost + rushLost === 0,
    });
  }
  const storm = measured(runs['join-storm']?.pairboard);
  if (storm.length > 0) {
    const incomplete = storm.filter((run) => !run.complete || run.synced !== run.joiners).length;
    goals.push({
      text: 'every joiner gets the whole board (join storm, Pairboard, every run)',
      count: incomplete,
      met: incomplete === 0,
    });
  }
  for (const [kind, list] of Object.entries(runs['check-in-rush'] ?? {})) {
    const wrong = measured(list).filter((run) => !run.exactlyOnce).length;
    goals.push({
      text: `check-in rush: all ${list[0]?.guests ?? ''} guests recorded exactly once (${kind}, every run)`,
      count: wrong,
      met: wrong === 0,
    });
  }
  return goals;
}

function cell(summary, { scale = 1, digits = 1 }) {
  if (summary.notMeasured) return 'not measured';
  const f = (value) => (Number.isFinite(value) ? (value * scale).toFixed(digits) : 'n/a');
  return summary.min === summary.max
    ? f(summary.median)
    : `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}

/** Markdown tables, one per scenario: median (min–max) over the repeats. */
export function formatTables(summary) {
  return Object.entries(summary)
    .map(([scenario, byServer]) => {
      const servers = Object.keys(byServer);
      const rows = METRICS[scenario].map(
        (metric) =>
          `| ${metric.label} | ${servers
            .map((kind) =>
              cell(byServer[kind].notMeasured ? byServer[kind] : byServer[kind][metric.key], metric),
            )
            .join(' | ')} |`,
      );
      const notes = servers
        .filter((kind) => byServer[kind].notMeasured)
        .map((kind) => `\n\n${kind} not measured: ${byServer[kind].notMeasured}`);
      return [
        `### ${scenario}`,
        '',
        `| | ${servers.join(' | ')} |`,
        `|---|${servers.map(() => '---:').join('|')}|`,
        ...rows,
      ]
        .join('\n')
        .concat(notes.join(''));
    })
    .join('\n\n');
}

function measuredText(goal) {
  if (goal.notMeasured) return 'not measured';
  if (goal.count !== undefined) return String(goal.count);
  if (goal.unit)
    return `${goal.pairboard.toFixed(0)} ${goal.unit} (${goal.ratio.toFixed(2)}× the ${goal.limit} ${goal.unit} limit)`;
  const f = (value) => `${(value * (goal.scale ?? 1)).toFixed(1)}${goal.shownIn ? ` ${goal.shownIn}` : ''}`;
  return `${goal.ratio.toFixed(2)}× (${f(goal.pairboard)} vs ${goal.bestPeer} ${f(goal.best)})`;
}

export function formatGoals(goals) {
  const lines = goals.map((goal) => {
    const verdict = goal.notMeasured ? 'not measured' : goal.met ? 'met' : 'MISSED';
    return `| ${goal.text} | ${measuredText(goal)} | ${verdict} |`;
  });
  return ['| goal | measured | |', '|---|---|---|', ...lines].join('\n');
}
