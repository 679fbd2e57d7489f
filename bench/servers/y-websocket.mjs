#!/usr/bin/env node
/*
 * Peer A: the reference y-websocket server (@y/websocket-server), in memory, on 127.0.0.1.
 * Wired the way its own bin/server.js does it: one ws server on an http server, every upgrade
 * accepted, the doc name from the URL path. Prints `target <json>` then `listening <port>`.
 * `GET /gc` on a second loopback port (the target's gcUrl) forces a full GC for memory readings.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { exitWithParent } from '../lib/exit-with-parent.mjs';
import { gcEndpoint } from '../lib/forced-gc.mjs';

exitWithParent();

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
const gcUrl = await gcEndpoint();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const boards = Number(process.env.BENCH_BOARDS ?? 1);
  const docs = Array.from({ length: boards }, (_, i) => ({ docName: `bench-${i}`, token: null }));
  const target = {
    protocol: 'y-websocket',
    pid: process.pid,
    baseUrl: `ws://127.0.0.1:${port}`,
    docs,
    gcUrl,
  };
  process.stdout.write(`target ${JSON.stringify(target)}\nlistening ${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
