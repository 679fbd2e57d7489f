#!/usr/bin/env node
/*
 * Peer B: @hocuspocus/server, in memory (no extensions, so nothing is stored), on 127.0.0.1.
 * Hocuspocus frames every message with the document name and wants an auth message first; with
 * no onAuthenticate hook any token is accepted. Prints `target <json>` then `listening <port>`.
 * `GET /gc` on a second loopback port (the target's gcUrl) forces a full GC for memory readings.
 */
import { Server } from '@hocuspocus/server';
import { exitWithParent } from '../lib/exit-with-parent.mjs';
import { gcEndpoint } from '../lib/forced-gc.mjs';

exitWithParent();

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true });
await server.listen();
const { port } = server.httpServer.address();
const boards = Number(process.env.BENCH_BOARDS ?? 1);
const docs = Array.from({ length: boards }, (_, i) => ({ docName: `bench-${i}`, token: 'bench' }));
const gcUrl = await gcEndpoint();
const target = {
  protocol: 'hocuspocus',
  pid: process.pid,
  baseUrl: `ws://127.0.0.1:${port}`,
  docs,
  gcUrl,
};
process.stdout.write(`target ${JSON.stringify(target)}\nlistening ${port}\n`);
