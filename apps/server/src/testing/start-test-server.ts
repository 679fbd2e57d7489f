import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Config } from '../config.ts';
import { createServer, type PairboardServer, type ServerDeps } from '../app.ts';
import { freshPgliteDataDir } from '@pairboard/db/testing';

/** One parsed log line, as the server wrote it. */
export type LogRecord = { level: number; msg: string } & Record<string, unknown>;

export interface TestServer {
  server: PairboardServer;
  config: Config;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/yjs`, the y-websocket server URL (room name appended by the client). */
  syncUrl: string;
  logs: LogRecord[];
  close(): Promise<void>;
}

/** The database a test run uses: the Postgres server in DATABASE_URL, or PGlite in a temp dir. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const databaseUrl = process.env.DATABASE_URL;
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: databaseUrl ? undefined : freshPgliteDataDir(),
    logLevel: 'debug',
    maxFrameBytes: 1024 * 1024,
    boardIdleUnloadMs: 60_000,
    compactAfterUpdates: 500,
    clientMessagesPerSecond: 1000,
    clientBytesPerSecond: 16 * 1024 * 1024,
    publicOrigin: undefined,
    authAttemptsPerIpPerMinute: 1000,
    authAttemptsPerAccountPer15Minutes: 1000,
    redisUrl: undefined,
    instanceId: 'test',
    joinConcurrency: 8,
    trustProxy: 0,
    boardLog: 'database',
    ...overrides,
  };
}

/**
 * Starts the real server (createServer, as main.ts does) on a free port of 127.0.0.1, with logs
 * captured in memory so tests can assert that an event was logged. The caller registers
 * `close()` in its teardown right away.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
  deps: Pick<ServerDeps, 'now' | 'credentialSweepMs'> = {},
): Promise<TestServer> {
  const config = testConfig(overrides);
  const logs: LogRecord[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as LogRecord);
      done();
    },
  });
  const logger = pino({ level: config.logLevel }, sink);
  const server = await createServer(config, { logger, serveWeb: false, ...deps });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const ownsDataDir = overrides.dataDir === undefined && config.dataDir !== undefined;
  return {
    server,
    config,
    url: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/yjs`,
    logs,
    async close() {
      await server.close();
      if (ownsDataDir && config.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
