import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';

/**
 * A private redis-server for one test file, on a free port of 127.0.0.1 with nothing persisted,
 * so a test may kill and restart it. Tests never touch the shared Redis on 6379.
 */
export interface RedisProcess {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Everything redis-server printed, across restarts. */
  output: string[];
  /** Sends `signal` (SIGKILL by default: a crash) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it if it runs, then starts a new, empty one on the same port and waits for PING. */
  restart(): Promise<void>;
  /** Shuts it down (SIGTERM, then SIGKILL if it lingers) and resolves once it has exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** Starts redis-server and resolves once it answers PING. The caller registers `stop()` in its teardown. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const output: string[] = [];
  let child = await launch(port, output);

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  };
  const stop = async (): Promise<void> => {
    const lingering = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      await kill('SIGTERM');
    } finally {
      clearTimeout(lingering);
    }
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    output,
    kill,
    async restart() {
      await stop();
      child = await launch(port, output);
    },
    stop,
  };
}

const running = new Set<ChildProcess>();
// A test process that dies without its teardown must not leave redis-servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function launch(port: number, output: string[]): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error('redis-server is not installed (not found on PATH): apt-get install redis-server')
          : error,
      );
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`redis-server exited (${signal ?? code}) before answering PING:\n${output.join('')}`));
    });
  });
  // The rejection is only read if the race below loses; keep it from being reported as unhandled.
  failed.catch(() => undefined);
  await Promise.race([waitForPong(port), failed]);
  return child;
}

async function waitForPong(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersPing(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a Redis server on `port` answers an inline `PING` with `+PONG`. */
export function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const finish = (answered: boolean): void => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(reply.startsWith('+PONG')));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data: Buffer) => {
      reply += data.toString('utf8');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

/** A port nothing listens on right now: the OS picks one for a listener that is closed at once. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
