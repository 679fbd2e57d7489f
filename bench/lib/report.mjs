/* The metrics each scenario reports, the goals of issue 7, and the tables printed from them. */

export const METRICS = {
  'fan-out': [
    { key: 'firstP50Ms', label: 'first subscriber p50 (ms)' },
    { key: 'p50Ms', label: 'all subscribers p50 (ms)' },
    { key: 'p99Ms', label: 'all subscribers p99 (ms)' },
    { key: 'maxMs', label: 'all subscribers max (ms)' },
    { key: 'delivered', label: 'delivered', digits: 0 },
    { key: 'expected', label: 'expected', digits: 0 },
    { key: 'serverCpuUsPerDelivered', label: 'server CPU per delivered update (µs)' },
    { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
  ],
  'join-storm': [
    { key: 'boardBytes', label: 'board size (KB)', scale: 1e-3, digits: 0 },
    { key: 'synced', label: 'joiners synced', digits: 0 },
    { key: 'eachP50Ms', label: 'each joiner synced p50 (ms)' },
    { key: 'eachP99Ms', label: 'each joiner synced p99 (ms)' },
    { key: 'allSyncedMs', label: 'all joiners synced (ms)' },
    { key: 'serverCpuMs', label: 'server CPU during the storm (ms)' },
    { key: 'serverPeakBytes', label: 'server peak RSS (MB)', scale: 1e-6, digits: 0 },
  ],
};

/** Issue 7's goals that this slice measures: Pairboard's median over the best peer's median. */
const GOALS = [
  {
    scenario: 'fan-out',
    key: 'firstP50Ms',
    limit: 1.0,
    text: 'fan-out: first-subscriber latency p50 ≤ 1.0×',
  },
  { scenario: 'fan-out', key: 'p99Ms', limit: 1.0, text: 'fan-out: all-subscribers latency p99 ≤ 1.0×' },
  {
    scenario: 'fan-out',
    key: 'serverCpuUsPerDelivered',
    limit: 0.8,
    text: 'fan-out: server CPU per delivered update ≤ 0.8×',
  },
  { scenario: 'join-storm', key: 'allSyncedMs', limit: 0.3, text: 'join storm: all joiners synced ≤ 0.3×' },
  { scenario: 'join-storm', key: 'serverCpuMs', limit: 0.3, text: 'join storm: server CPU ≤ 0.3×' },
];

export function evaluateGoals(summary, runs) {
  const goals = [];
  for (const goal of GOALS) {
    const byServer = summary[goal.scenario];
    if (!byServer?.pairboard) continue;
    const peers = Object.entries(byServer).filter(([kind]) => kind !== 'pairboard');
    if (peers.length === 0) continue;
    const [bestPeer, best] = peers
      .map(([kind, metrics]) => [kind, metrics[goal.key].median])
      .sort((a, b) => a[1] - b[1])[0];
    const ratio = byServer.pairboard[goal.key].median / best;
    goals.push({
      ...goal,
      pairboard: byServer.pairboard[goal.key].median,
      bestPeer,
      best,
      ratio,
      met: ratio <= goal.limit,
    });
  }
  const fanOut = runs['fan-out']?.pairboard;
  if (fanOut) {
    const lost = fanOut.reduce((sum, run) => sum + (run.expected - run.delivered), 0);
    goals.push({ text: 'zero lost updates (fan-out, Pairboard, every run)', lost, met: lost === 0 });
  }
  const storm = runs['join-storm']?.pairboard;
  if (storm) {
    const incomplete = storm.filter((run) => !run.complete || run.synced !== run.joiners).length;
    goals.push({
      text: 'every joiner gets the whole board (join storm, Pairboard, every run)',
      incomplete,
      met: incomplete === 0,
    });
  }
  return goals;
}

function cell(summary, { scale = 1, digits = 1 }) {
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
          `| ${metric.label} | ${servers.map((kind) => cell(byServer[kind][metric.key], metric)).join(' | ')} |`,
      );
      return [
        `### ${scenario}`,
        '',
        `| | ${servers.join(' | ')} |`,
        `|---|${servers.map(() => '---:').join('|')}|`,
        ...rows,
      ].join('\n');
    })
    .join('\n\n');
}

export function formatGoals(goals) {
  const lines = goals.map((goal) => {
    const verdict = goal.met ? 'met' : 'MISSED';
    if (goal.ratio === undefined) return `| ${goal.text} | ${goal.lost ?? goal.incomplete} | ${verdict} |`;
    return `| ${goal.text} | ${goal.ratio.toFixed(2)}× (${goal.pairboard.toFixed(1)} vs ${goal.bestPeer} ${goal.best.toFixed(1)}) | ${verdict} |`;
  });
  return ['| goal | measured | |', '|---|---|---|', ...lines].join('\n');
}
