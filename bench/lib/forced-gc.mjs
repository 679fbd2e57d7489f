/*
 * A full garbage collection inside a server process, then its heap in use. The peers' start
 * scripts serve `GET /gc` on a second loopback port (`gcEndpoint`, needs --expose-gc); Pairboard's
 * server has no such hook, so it runs with `--inspect=127.0.0.1:0` and gets
 * HeapProfiler.collectGarbage over the inspector, as bench/cluster-sizing.mjs does.
 */
import http from 'node:http';
import WebSocket from 'ws';

/**
 * In a peer's start script: a tiny HTTP server on its own loopback port whose `GET /gc` runs
 * `gc()` twice (weak references and finalizers need a second pass) and answers the heap in use
 * and the external memory (buffers, ArrayBuffers) that V8 accounts for.
 * Resolves to its URL, for the target.
 */
export function gcEndpoint() {
  const server = http.createServer((_request, response) => {
    globalThis.gc();
    globalThis.gc();
    response.writeHead(200, { 'content-type': 'application/json' });
    const { heapUsed, external } = process.memoryUsage();
    response.end(JSON.stringify({ heapUsedBytes: heapUsed, externalBytes: external }));
  });
  server.unref();
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}/gc`));
  });
}

/**
 * Forces a full GC in the server behind `target` and answers `{ heapUsedBytes, externalBytes }`
 * (process.memoryUsage's heapUsed and external) after it.
 */
export async function collectGarbage(target) {
  if (target.gcUrl) {
    const response = await fetch(target.gcUrl);
    if (!response.ok) throw new Error(`GET ${target.gcUrl}: ${response.status}`);
    return response.json();
  }
  if (target.inspectorUrl) {
    const [, , usage] = await inspectorCalls(target.inspectorUrl, [
      ['HeapProfiler.collectGarbage'],
      ['HeapProfiler.collectGarbage'],
      ['Runtime.evaluate', { expression: 'process.memoryUsage()', returnByValue: true }],
    ]);
    const { heapUsed, external } = usage.result.value;
    return { heapUsedBytes: heapUsed, externalBytes: external };
  }
  throw new Error('this server has no way to force a GC (no gcUrl, no inspectorUrl)');
}

/** Calls inspector methods ([method, params]) one after the other on one connection; answers their results. */
function inspectorCalls(url, calls) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const results = [];
    const next = () => {
      const [method, params = {}] = calls[results.length];
      socket.send(JSON.stringify({ id: results.length, method, params }));
    };
    socket.once('error', reject);
    socket.once('open', next);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.id !== results.length) return;
      if (message.error) {
        socket.close();
        reject(new Error(`${calls[message.id][0]}: ${message.error.message}`));
        return;
      }
      results.push(message.result);
      if (results.length < calls.length) next();
      else {
        socket.close();
        resolve(results);
      }
    });
  });
}
