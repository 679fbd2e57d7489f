import net, { type AddressInfo } from 'node:net';

export interface Upstream {
  host: string;
  port: number;
}

export interface TcpProxyOptions {
  /** Where connections go: a list, or a function read on every new connection. */
  upstreams: Upstream[] | (() => Upstream[]);
  /** The only mode: each new connection goes to the next upstream, skipping those that refuse. */
  mode?: 'round-robin';
}

/** Where one accepted connection went: `null` when every upstream refused it or it came during a cut. */
export type Route = Upstream | null;

/**
 * A TCP proxy on 127.0.0.1 for tests: a load balancer in front of several server instances, or a
 * link to Postgres or Redis that a test can cut. It forwards bytes and nothing else, so HTTP
 * keep-alive, WebSocket upgrades and the Postgres protocol pass through untouched.
 */
export interface TcpProxy {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/yjs`, for y-websocket clients behind the balancer. */
  syncUrl: string;
  /** Where each accepted connection went, in the order they were accepted. */
  readonly routes: readonly Route[];
  /** Client connections currently open (forwarded or still connecting upstream). */
  readonly connections: number;
  setUpstreams(upstreams: Upstream[] | (() => Upstream[])): void;
  /**
   * Destroys every open connection both ways, and until `restore()` resets each new one as soon
   * as it is accepted: clients see the peer vanish (ECONNRESET) at once, as when the process
   * behind it died or the network dropped, and the listening port stays the proxy's.
   */
  cut(): Promise<void>;
  restore(): void;
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket | null;
}

/** Starts a proxy on a free port of 127.0.0.1. The caller registers `close()` in its teardown. */
export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  let upstreams = options.upstreams;
  let next = 0;
  let isCut = false;
  const routes: Route[] = [];
  const links = new Set<Link>();

  const listUpstreams = (): Upstream[] => (typeof upstreams === 'function' ? upstreams() : upstreams);

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    const index = routes.push(null) - 1;
    if (isCut) {
      hangUp(client);
      return;
    }
    const link: Link = { client, upstream: null };
    links.add(link);
    client.on('error', () => undefined);
    client.once('close', () => {
      links.delete(link);
      link.upstream?.destroy();
    });
    const candidates = listUpstreams();
    const start = next;
    next += 1;
    void connectFirst(candidates, start).then((found) => {
      if (!found || client.destroyed || isCut) {
        found?.socket.destroy();
        if (!client.destroyed) hangUp(client);
        return;
      }
      const upstream = found.socket;
      routes[index] = found.target;
      link.upstream = upstream;
      upstream.on('error', () => undefined);
      upstream.once('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  /** Resolves once every client socket has closed (their upstreams go with them). */
  const destroyAll = async (): Promise<void> => {
    const closed = [...links].map(
      (link) =>
        new Promise<void>((resolve) => {
          if (link.client.closed) resolve();
          else link.client.once('close', () => resolve());
          link.upstream?.destroy();
          hangUp(link.client);
        }),
    );
    await Promise.all(closed);
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/yjs`,
    routes,
    get connections() {
      return links.size;
    },
    setUpstreams(list) {
      upstreams = list;
    },
    async cut() {
      isCut = true;
      await destroyAll();
    },
    restore() {
      isCut = false;
    },
    async close() {
      isCut = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await destroyAll();
      await stopped;
    },
  };
}

/**
 * Tries the upstreams in round-robin order from `start`, returning the first that accepts: a
 * killed instance refuses at once (ECONNREFUSED), and a balancer moves on to the next one.
 */
async function connectFirst(
  candidates: Upstream[],
  start: number,
): Promise<{ socket: net.Socket; target: Upstream } | null> {
  for (let attempt = 0; attempt < candidates.length; attempt += 1) {
    const target = candidates[(start + attempt) % candidates.length]!;
    const socket = await connect(target);
    if (socket) return { socket, target };
  }
  return null;
}

/**
 * Resets the connection (RST) so the peer sees it die at once, as when a process is killed. A
 * socket already shutting down its side is destroyed instead: libuv refuses to reset it, and
 * Node would then never emit 'close'.
 */
function hangUp(socket: net.Socket): void {
  if (socket.writableEnded) socket.destroy();
  else socket.resetAndDestroy();
}

function connect(target: Upstream): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect(target.port, target.host);
    const onError = (): void => {
      socket.destroy();
      resolve(null);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}
