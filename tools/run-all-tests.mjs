// `npm test`: every check and test suite in CI order, each step streaming its output live, then one
// grand total as the very last line: `N passed, N failed[, N skipped]`. Exits non-zero if anything failed.
//
// Counting reads the `N passed, N failed` lines that the vitest and Playwright summary reporters print.
// turbo replays a cached task's log, so cached suites are counted too. A task that fails without such a
// line (lint, typecheck, a crash) counts as one failure; turbo's run summary (--summarize) says which.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RUNS_DIR = join(ROOT, '.turbo', 'runs');
const SUMMARY_LINE = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;
const ANSI_CODES = /\x1b\[[0-9;]*[A-Za-z]/g;
const TURBO_FLAGS = ['--continue', '--log-prefix=none', '--summarize'];

const total = { passed: 0, failed: 0, skipped: 0 };
/** Steps and tasks that failed without a test summary line, listed before the total. */
const failures = [];

/** A step's environment: the repo's Node 24 and binaries first on PATH (also when started without
 * npm), and DATABASE_URL only when given, so integration tests default to embedded PGlite. */
function envWith(databaseUrl) {
  const env = {
    ...process.env,
    PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

function summariesIn(text) {
  return text
    .split(/\r?\n/)
    .map((line) => SUMMARY_LINE.exec(line.replace(ANSI_CODES, '').trim()))
    .filter((match) => match !== null)
    .map((match) => ({ passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) }));
}

/** Runs one command, streaming its output through, and resolves with its exit code and summary lines. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (target) => (chunk) => {
      target.write(chunk);
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve({ code: 1, summaries: [] });
    });
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), summaries: summariesIn(output) }),
    );
  });
}

function add(summaries) {
  for (const { passed, failed, skipped } of summaries) {
    total.passed += passed;
    total.failed += failed;
    total.skipped += skipped;
  }
}

function countFailure(what) {
  total.failed += 1;
  failures.push(what);
}

function heading(title) {
  console.log(`\n=== ${title} ===\n`);
}

/** `turbo run <tasks>`, then one failure for each failed task whose log holds no failing summary line. */
async function turbo(title, tasks, extraFlags, env) {
  heading(title);
  const before = new Set(existsSync(RUNS_DIR) ? readdirSync(RUNS_DIR) : []);
  const { code, summaries } = await run('turbo', ['run', ...tasks, ...TURBO_FLAGS, ...extraFlags], env);
  add(summaries);
  const newRuns = (existsSync(RUNS_DIR) ? readdirSync(RUNS_DIR) : [])
    .filter((file) => !before.has(file))
    .sort();
  const runFile = newRuns.at(-1);
  if (!runFile) {
    if (code !== 0) countFailure(`${title}: turbo exited with ${code} and wrote no run summary`);
    return;
  }
  let unexplained = code !== 0;
  const runSummary = JSON.parse(readFileSync(join(RUNS_DIR, runFile), 'utf8'));
  for (const task of runSummary.tasks) {
    const exitCode = task.execution?.exitCode;
    if (exitCode === 0 || task.cache?.status === 'HIT') continue;
    unexplained = false;
    // A failed dependency (`^build`) is counted by the build step, not once per step that needed it.
    if (!tasks.includes(task.task)) continue;
    const logPath = task.logFile ? join(ROOT, task.logFile) : '';
    const log = logPath && existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    if (!summariesIn(log).some((summary) => summary.failed > 0)) {
      countFailure(`${task.taskId} (exit code ${exitCode ?? 'none: did not run'})`);
    }
  }
  // turbo itself failed (bad config, crash) although every task it reports is fine.
  if (unexplained) countFailure(`${title}: turbo exited with ${code}`);
}

/** A non-turbo step: its summary lines count, and a failure without one counts as one failure. */
async function step(title, command, args, env) {
  heading(title);
  const { code, summaries } = await run(command, args, env);
  add(summaries);
  if (code !== 0 && !summaries.some((summary) => summary.failed > 0)) {
    countFailure(`${title} (exit code ${code})`);
  }
  return code;
}

await turbo('check: lint, typecheck, unit tests', ['lint', 'typecheck', 'test'], [], envWith());
await turbo('integration tests on embedded PGlite', ['test:integration'], ['--concurrency=1'], envWith());
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  const title = 'integration tests on the Postgres server (TEST_DATABASE_URL)';
  await turbo(title, ['test:integration'], ['--concurrency=1'], envWith(postgresUrl));
} else {
  console.log(
    '\nSkipped integration tests on a Postgres server: set TEST_DATABASE_URL=postgres://… to run them.',
  );
}
// The e2e server runs on a fresh embedded database (DATA_DIR in the Playwright config).
if ((await step('build', 'npm', ['run', 'build'], envWith())) === 0) {
  await step('end-to-end tests (Playwright)', 'npm', ['run', 'e2e', '--workspace', 'e2e'], envWith());
} else {
  console.log('\nSkipped the end-to-end tests: the build failed.');
}

if (failures.length > 0) console.log(`\nFailed without a test count (1 each):\n  ${failures.join('\n  ')}`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
process.exitCode = total.failed > 0 ? 1 : 0;
