import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** The real server as a child process (for kill -9), on a port it picks itself. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  syncUrl: string;
  output: string[];
  /** Resolves when the process has exited, with its signal. */
  exited: Promise<NodeJS.Signals | null>;
}

export async function spawnServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', EXIT_WITH_PARENT: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output.join('')}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, syncUrl: `ws://127.0.0.1:${port}/yjs`, output, exited };
}
