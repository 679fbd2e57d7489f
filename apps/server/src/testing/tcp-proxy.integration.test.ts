import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy, type Upstream } from './tcp-proxy.ts';
import { waitUntil } from './wait-for.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An echo server that starts its reply with its name, so a test sees who answered. */
async function startEcho(name: string): Promise<Upstream & { stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.write(`${name}:`);
    socket.on('data', (data: Buffer) => socket.write(data));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(stop);
  return { host: '127.0.0.1', port, stop };
}

async function proxyTo(upstreams: Upstream[]): Promise<TcpProxy> {
  const proxy = await startTcpProxy({ upstreams, mode: 'round-robin' });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** A client connection that records what it receives and how it ended. */
interface Client {
  socket: net.Socket;
  received: () => string;
  closed: Promise<void>;
}

function openClient(port: number): Client {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (data: Buffer) => (received += data.toString('utf8')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  cleanups.push(async () => {
    socket.destroy();
    await closed;
  });
  return { socket, received: () => received, closed };
}

/** Sends `message` on a new connection and resolves with the reply, or `null` if the connection dies. */
async function exchange(port: number, message: string): Promise<string | null> {
  const client = openClient(port);
  let isClosed = false;
  void client.closed.then(() => (isClosed = true));
  client.socket.write(message);
  await waitUntil(() => isClosed || client.received().endsWith(message), {
    message: `no reply to ${message.slice(0, 20)}`,
  });
  client.socket.destroy();
  return client.received().endsWith(message) ? client.received() : null;
}

describe('startTcpProxy', () => {
  it('sends each new connection to the next upstream in turn', async () => {
    const a = await startEcho('a');
    const b = await startEcho('b');
    const proxy = await proxyTo([a, b]);

    const replies = [];
    for (const message of ['1', '2', '3', '4']) replies.push(await exchange(proxy.port, message));

    expect(replies).toEqual(['a:1', 'b:2', 'a:3', 'b:4']);
    expect(proxy.routes.map((route) => route?.port)).toEqual([a.port, b.port, a.port, b.port]);
  });

  it('moves on to the next upstream when one refuses the connection', async () => {
    const a = await startEcho('a');
    const b = await startEcho('b');
    const proxy = await proxyTo([a, b]);
    await b.stop();

    const replies = [];
    for (const message of ['1', '2', '3']) replies.push(await exchange(proxy.port, message));

    expect(replies).toEqual(['a:1', 'a:2', 'a:3']);
    expect(proxy.routes.map((route) => route?.port)).toEqual([a.port, a.port, a.port]);
  });

  it('closes the client connection when every upstream refuses', async () => {
    const a = await startEcho('a');
    const proxy = await proxyTo([a]);
    await a.stop();

    expect(await exchange(proxy.port, 'hello')).toBeNull();
    expect(proxy.routes).toEqual([null]);
  });

  it('reads upstreams given as a function on every new connection', async () => {
    const a = await startEcho('a');
    const b = await startEcho('b');
    let current = [a];
    const proxy = await startTcpProxy({ upstreams: () => current });
    cleanups.push(() => proxy.close());

    expect(await exchange(proxy.port, '1')).toBe('a:1');
    current = [b];
    expect(await exchange(proxy.port, '2')).toBe('b:2');
    proxy.setUpstreams([a]);
    expect(await exchange(proxy.port, '3')).toBe('a:3');
  });

  it('cuts live connections, refuses new ones while cut, and lets them through after restore', async () => {
    const a = await startEcho('a');
    const proxy = await proxyTo([a]);
    const live = openClient(proxy.port);
    live.socket.write('before');
    await waitUntil(() => live.received() === 'a:before');
    expect(proxy.connections).toBe(1);

    await proxy.cut();

    await live.closed;
    expect(proxy.connections).toBe(0);
    expect(await exchange(proxy.port, 'during')).toBeNull();

    proxy.restore();

    expect(await exchange(proxy.port, 'after')).toBe('a:after');
  });

  it('forwards a large payload intact in both directions', async () => {
    const a = await startEcho('a');
    const proxy = await proxyTo([a]);
    const message = 'x'.repeat(4 * 1024 * 1024);

    expect(await exchange(proxy.port, message)).toBe(`a:${message}`);
  });
});
