/*
 * Client: bench/client-10k-guests.mjs in its own process (its own server on the embedded
 * database, a 10,000-guest board, Chromium), unthrottled, `runs` page loads; one result per load.
 * Search is keystroke to results painted (the last keystroke of each query, one frame after the
 * DOM update); its p95 is over the script's queries.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from '../lib/stats.mjs';

const SCRIPT = fileURLToPath(new URL('../client-10k-guests.mjs', import.meta.url));

export async function runClient({ guests, runs }) {
  const dir = mkdtempSync(join(tmpdir(), 'pairboard-client-bench-'));
  const out = join(dir, 'client.json');
  try {
    await new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [SCRIPT, '--guests', String(guests), '--runs', String(runs), '--throttles', '1', '--json', out],
        { maxBuffer: 1 << 24 },
        (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
      );
    });
    const results = JSON.parse(readFileSync(out, 'utf8'));
    return results.runs.map((run) => {
      const painted = run.queries.map((query) => query.painted);
      return {
        guests: results.guests,
        interactiveMs: run.interactiveMs,
        searchP95Ms: percentile(painted, 95),
        searchMaxMs: percentile(painted, 100),
        searchWorkP95Ms: percentile(
          run.queries.map((query) => query.work),
          95,
        ),
        scrollP95Ms: run.scroll.p95,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
