import http from 'node:http';
import { spawnServer, type ServerProcess } from './spawn-server.ts';
import { startTcpProxy, type TcpProxy, type Upstream } from './tcp-proxy.ts';

export type { ServerProcess };

export interface ClusterOptions {
  /** How many server processes; 3 by default. */
  instances?: number;
  /** A postgres:// URL every instance shares, e.g. from `createScratchDatabase(process.env.DATABASE_URL)`. */
  databaseUrl: string;
  /** `redis://127.0.0.1:<port>`, e.g. `startRedis().url`; never the shared Redis on 6379 if a test kills it. */
  redisUrl: string;
  /** More environment for every instance; wins over the defaults below. */
  env?: Record<string, string | undefined>;
}

/**
 * Several real server processes on one Postgres and one Redis, behind a round-robin balancer.
 * Users and boards are made with the usual helpers through any URL (`signUp(cluster.url)`,
 * `createTestBoard(cluster.instances[0]!.url, 'empty')`); clients connect to one instance with
 * `connectProvider(cluster.instances[i]!.syncUrl, ...)`, or through `cluster.balancer.syncUrl`
 * to reconnect elsewhere after a kill, as browsers behind a load balancer do.
 */
export interface Cluster {
  /** The current process of each instance; `restart(i)` replaces entry i. */
  instances: ServerProcess[];
  /** A TCP balancer over every instance, dead ones included: a refused connection moves on. */
  balancer: TcpProxy;
  /** The balancer's `http://127.0.0.1:<port>` */
  url: string;
  /** The balancer's `ws://127.0.0.1:<port>/yjs` */
  syncUrl: string;
  /** The index of the instance listening on `port` (from `balancer.routes`), or -1. */
  indexOfPort(port: number): number;
  /** `kill -9` of instance i; resolves once it has exited. */
  kill(i: number): Promise<void>;
  /** A clean shutdown (SIGTERM: flushes boards) of instance i; resolves once it has exited. */
  stop(i: number): Promise<void>;
  /** Stops instance i if it still runs, then starts it again, on the same port when it is free. */
  restart(i: number): Promise<ServerProcess>;
  /** Stops every instance (SIGTERM, SIGKILL if it lingers) and the balancer. */
  close(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * The defaults of start-test-server's testConfig: every test request comes from 127.0.0.1, so
 * production rate limits would refuse a test that signs up a few users.
 */
const TEST_ENV: Record<string, string> = {
  AUTH_ATTEMPTS_PER_IP_PER_MINUTE: '1000',
  AUTH_ATTEMPTS_PER_ACCOUNT_PER_15_MINUTES: '1000',
  CLIENT_MESSAGES_PER_SECOND: '1000',
  CLIENT_BYTES_PER_SECOND: String(16 * 1024 * 1024),
};

/** Starts the instances at once (migrations take an advisory lock) and the balancer in front. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
    throw new Error(
      `a cluster needs a postgres:// database (PGlite cannot be shared by processes), got '${options.databaseUrl}'`,
    );
  const count = options.instances ?? 3;
  const envOf = (i: number, port = 0): Record<string, string | undefined> => ({
    ...TEST_ENV,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    INSTANCE_ID: `node-${i}`,
    ...options.env,
    PORT: String(port),
  });
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => spawnServer(envOf(i))));
  const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const instance of instances) track(instance);
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(instances.map((instance) => terminate(instance, 'SIGKILL')));
    throw failure.reason;
  }

  const balancer = await startTcpProxy({
    upstreams: () => instances.map((instance) => upstreamOf(instance)),
    mode: 'round-robin',
  });
  const at = (i: number): ServerProcess => {
    const instance = instances[i];
    if (!instance) throw new Error(`no instance ${i}: the cluster has ${instances.length}`);
    return instance;
  };
  return {
    instances,
    balancer,
    url: balancer.url,
    syncUrl: balancer.syncUrl,
    indexOfPort: (port) => instances.findIndex((instance) => upstreamOf(instance).port === port),
    kill: (i) => terminate(at(i), 'SIGKILL'),
    stop: (i) => terminate(at(i), 'SIGTERM'),
    async restart(i) {
      const old = at(i);
      await terminate(old, 'SIGTERM');
      instances[i] = track(await respawn(envOf(i, upstreamOf(old).port), envOf(i)));
      return instances[i];
    },
    async close() {
      await balancer.close();
      await Promise.all(instances.map((instance) => terminate(instance, 'SIGTERM')));
    },
  };
}

/** On the old port, so URLs a test kept stay valid; on a new one if something took it meanwhile. */
async function respawn(
  samePort: Record<string, string | undefined>,
  anyPort: Record<string, string | undefined>,
): Promise<ServerProcess> {
  try {
    return await spawnServer(samePort);
  } catch (error) {
    if (error instanceof Error && error.message.includes('EADDRINUSE')) return spawnServer(anyPort);
    throw error;
  }
}

function upstreamOf(instance: ServerProcess): Upstream {
  const { hostname, port } = new URL(instance.url);
  return { host: hostname, port: Number(port) };
}

function isRunning(instance: ServerProcess): boolean {
  return instance.child.exitCode === null && instance.child.signalCode === null;
}

/** Sends `signal` and waits for the exit; a SIGTERM that is not obeyed in time becomes SIGKILL. */
async function terminate(instance: ServerProcess, signal: NodeJS.Signals): Promise<void> {
  if (!isRunning(instance)) return;
  instance.child.kill(signal);
  const lingering = setTimeout(() => instance.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await instance.exited;
  } finally {
    clearTimeout(lingering);
  }
}

const running = new Set<ServerProcess>();
// A test process that dies without its teardown must not leave servers behind.
process.once('exit', () => {
  for (const instance of running) instance.child.kill('SIGKILL');
});

function track(instance: ServerProcess): ServerProcess {
  running.add(instance);
  void instance.exited.then(() => running.delete(instance));
  return instance;
}

/**
 * GET on a connection of its own (no keep-alive), so each request goes through the balancer
 * anew: `fetch` would reuse one connection and reach one instance only.
 */
export function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
}
