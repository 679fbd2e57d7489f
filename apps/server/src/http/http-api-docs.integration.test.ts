import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { waitUntil } from '../testing/wait-for.ts';

// docs/http-api.md promises that its examples run as written (issue 3, "Done when"). This test
// runs them, unchanged, against a real server: the bash block with bash and curl, the Node block
// with this repo's Node, its BOARD_ID and TOKEN taken from what the bash block printed.

const DOC_PATH = fileURLToPath(new URL('../../../../docs/http-api.md', import.meta.url));
/** The Node example imports `yjs` and `y-websocket`, which resolve from the server workspace. */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE_TIMEOUT_MS = 25_000;

/** The fenced block right after `<!-- example: <name> -->` in docs/http-api.md. */
function docExample(name: string): string {
  const markdown = readFileSync(DOC_PATH, 'utf8');
  const pattern = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``);
  const match = pattern.exec(markdown);
  if (!match?.[1]) throw new Error(`docs/http-api.md has no block marked <!-- example: ${name} -->`);
  return match[1];
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `source` on stdin, as a reader would after saving the block to a file. */
function run(command: string, args: string[], source: string, env: Record<string, string>, cwd: string) {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      // node first on PATH: the bash example reads JSON with `node -e`; curl is in /usr/bin.
      env: { ...process.env, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), EXAMPLE_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(source);
  });
}

const runBashExample = (env: Record<string, string>) =>
  run('bash', ['-s'], docExample('signup-and-token'), env, SERVER_DIR);
// `--input-type=module` with the source on stdin resolves bare imports from cwd, like a saved .mjs file.
const runNodeExample = (env: Record<string, string>) =>
  run(process.execPath, ['--input-type=module', '-'], docExample('connect-with-token'), env, SERVER_DIR);

/** Reads `export NAME=value` lines, the way `eval "$(bash signup-and-token.sh)"` would. */
function exported(stdout: string, name: string): string {
  const match = new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(stdout);
  if (!match?.[1]) throw new Error(`the bash example printed no "export ${name}=…" line:\n${stdout}`);
  return match[1];
}

describe('docs/http-api.md examples', () => {
  let t: TestServer;
  /** One run of the bash example, shared: each run signs up, and sign-up is rate limited per IP. */
  let signup: RunResult;
  beforeAll(async () => {
    t = await startTestServer();
    signup = await runBashExample({ BASE_URL: t.url });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs up, creates a board and an access token with curl, and the token reads that board', async () => {
    expect(signup.stderr).toBe('');
    expect(signup.code).toBe(0);
    const boardId = exported(signup.stdout, 'BOARD_ID');
    const token = exported(signup.stdout, 'TOKEN');
    expect(token).toMatch(/^pbt_/);

    const response = await fetch(`${t.url}/api/boards/${boardId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const { board } = (await response.json()) as { board: { id: string; name: string; role: string } };
    expect(board).toMatchObject({ id: boardId, name: 'Launch night', role: 'editor' });
  });

  it('connects y-websocket with ?token=, prints the board name, and its incident reaches another client', async () => {
    expect(signup.code, signup.stderr).toBe(0);
    const boardId = exported(signup.stdout, 'BOARD_ID');
    const token = exported(signup.stdout, 'TOKEN');

    const result = await runNodeExample({ BASE_URL: t.url, BOARD_ID: boardId, TOKEN: token });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Connected to "Launch night"');
    const incidentId = /^INCIDENT_ID=(\S+)$/m.exec(result.stdout)?.[1];
    if (!incidentId) throw new Error(`the Node example printed no INCIDENT_ID:\n${result.stdout}`);

    // A client the example never talked to loads the board from the server and finds the incident.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(t.syncUrl, boardId, doc, { params: { token }, disableBc: true });
    try {
      await waitUntil(() => provider.synced, { message: 'a second client never synced' });
      const incident = doc.getMap('incidents').get(incidentId);
      expect(incident).toBeInstanceOf(Y.Map);
      expect((incident as Y.Map<unknown>).get('title')).toBe('Scanner at door 3 offline');
      expect((incident as Y.Map<unknown>).get('level')).toBe('blue');
    } finally {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    }
  });

  it('makes the Node example exit 1 with the close code when the token is not valid', async () => {
    expect(signup.code, signup.stderr).toBe(0);
    const boardId = exported(signup.stdout, 'BOARD_ID');

    const result = await runNodeExample({
      BASE_URL: t.url,
      BOARD_ID: boardId,
      TOKEN: 'pbt_not-a-real-token',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('closed the connection: 4401');
  });
});
