import type { AddressInfo } from 'node:net';
import { parseConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createServer } from './app.ts';
import { DEMO_PASSWORD, ensureDemoBoard } from './demo/seed-demo.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error('Pairboard cannot start; fix these settings:');
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const config = parsed.config;
const logger = createLogger(config.logLevel);

process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled promise rejection');
});

if (!config.databaseUrl) {
  // initdb runs in WASM on the first start: say so rather than look hung.
  logger.info(
    { dataDir: config.dataDir },
    'opening the embedded database (the first start prepares it: about 15 s)',
  );
}
const server = await createServer(config, { logger });
const demo = process.argv.includes('--demo') ? await ensureDemoBoard(server.db, new Date()) : null;

server.httpServer.listen(config.port, config.host, () => {
  const { port } = server.httpServer.address() as AddressInfo;
  const origin =
    config.publicOrigin ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ port, database: server.db.driver, dataDir: config.dataDir }, `listening on ${origin}`);
  if (demo) printDemoWelcome(origin, demo);
});

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: flushing boards to storage');
  server.close().then(
    () => {
      logger.info('stopped cleanly');
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
// Test harnesses set this: when the process that started us dies, we stop too (never in production).
if (process.env.EXIT_WITH_PARENT === '1') {
  const parent = process.ppid;
  setInterval(() => {
    // No graceful flush: our output pipe died with the parent, and what is durable is durable.
    if (process.ppid !== parent) process.exit(1);
  }, 500).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));

function printDemoWelcome(origin: string, demo: Awaited<ReturnType<typeof ensureDemoBoard>>): void {
  const shown = [
    'organizer@demo.pairboard',
    'wangfang@demo.pairboard',
    'liqiang@demo.pairboard',
    'door@demo.pairboard',
  ];
  const lines = demo.accounts
    .filter((account) => shown.includes(account.email))
    .map((account) => `    ${account.email.padEnd(28)} ${account.name} (${account.role})`);
  process.stdout.write(
    `\n  Pairboard is running. Open the demo event:\n\n    ${origin}/boards/${demo.boardId}\n\n` +
      `  Sign in as any of these, password ${DEMO_PASSWORD}:\n${lines.join('\n')}\n\n`,
  );
}
