import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = join(E2E_DIR, '..');
const CI = Boolean(process.env.CI);

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  // Never skip the browser tests quietly: a missing browser is a broken machine, not a pass.
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

/**
 * Playwright evaluates this file in the runner and again in every worker. The port and data directory
 * are chosen once, in the runner, and handed to the workers through the environment they inherit.
 */
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(findFreePort());
if (!process.env.E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  // Runs after Playwright has stopped the web server.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/** Asks the OS for a free port: a child process, because config evaluation is synchronous. */
function findFreePort(): number {
  const script =
    "const s = require('node:net').createServer();" +
    "s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/** The server runs its TypeScript source, so it needs the repo's Node 24, not whatever `node` is first. */
function nodeBinary(): string {
  const local = join(REPO_DIR, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

export default defineConfig({
  testDir: './specs',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    baseURL,
    locale: 'en-US',
    trace: 'on-first-retry',
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `"${nodeBinary()}" apps/server/src/main.ts`,
    cwd: REPO_DIR,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Server logs stay out of the test output unless something goes wrong (LOG_LEVEL=warn, stderr).
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      // Every test signs its own people up, all from 127.0.0.1: the per-IP budget is for people, not CI.
      AUTH_ATTEMPTS_PER_IP_PER_MINUTE: '10000',
    },
  },
});
