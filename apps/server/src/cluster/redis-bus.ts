import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../logger.ts';
import type { BusHandler, ClusterBus } from './bus.ts';

/** The bus, plus its connections for others that speak Redis (the Socket.IO adapter duplicates them). */
export type RedisBus = ClusterBus & { publisher: Redis; subscriber: Redis };

/**
 * The cluster bus over Redis pub/sub. One connection publishes, one subscribes (a subscribed
 * Redis connection can do nothing else). ioredis reconnects by itself with backoff and
 * re-subscribes every channel; after such a reconnect `onResubscribed` listeners run, because
 * messages published meanwhile are lost.
 *
 * Every message is `varString(instanceId) · varUint8Array(payload)`.
 */
export async function createRedisBus(options: {
  url: string;
  instanceId: string;
  logger: Logger;
}): Promise<RedisBus> {
  const { instanceId, logger } = options;
  const redisOptions = {
    // Commands issued while Redis is away wait for the reconnect instead of failing at once.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(100 * 2 ** attempt, 2000),
    lazyConnect: true,
  };
  const publisher = new Redis(options.url, { ...redisOptions, connectionName: `${instanceId}-pub` });
  const subscriber = new Redis(options.url, { ...redisOptions, connectionName: `${instanceId}-sub` });
  const handlers = new Map<string, Set<BusHandler>>();
  /** The SUBSCRIBE of each channel, so a second subscriber also waits until it is active. */
  const active = new Map<string, Promise<unknown>>();
  const resubscribed = new Set<() => void>();
  let readyOnce = false;
  let lost = false;

  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => {
      // ioredis retries on its own; say it once per outage, not on every attempt.
      if (!lost) logger.warn({ err: error.message, client: name }, 'redis connection lost; retrying');
      if (client === subscriber) lost = true;
    });
  }
  subscriber.on('ready', () => {
    if (!readyOnce) {
      readyOnce = true;
      return;
    }
    lost = false;
    logger.info('redis is back: re-reading boards from storage');
    // ioredis re-subscribes before 'ready' fires, so from here on messages flow again.
    for (const listener of resubscribed) listener();
  });
  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString('utf8');
    const set = handlers.get(channel);
    if (!set) return;
    let from: string;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      );
      from = decoding.readVarString(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch (error) {
      logger.error({ channel, err: error }, 'undecodable cluster message ignored');
      return;
    }
    if (from === instanceId) return;
    for (const handler of set) {
      try {
        handler(payload, from);
      } catch (error) {
        logger.error({ channel, err: error }, 'cluster message handler failed');
      }
    }
  });

  await Promise.all([publisher.connect(), subscriber.connect()]);

  return {
    instanceId,
    clustered: true,
    publisher,
    subscriber,
    publish(channel, payload) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, instanceId);
      encoding.writeVarUint8Array(encoder, payload);
      publisher.publish(channel, Buffer.from(encoding.toUint8Array(encoder))).catch((error: unknown) => {
        logger.warn({ channel, err: error }, 'could not publish to the cluster');
      });
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        active.set(channel, subscriber.subscribe(channel));
      }
      set.add(handler);
      await active.get(channel);
      return () => {
        const current = handlers.get(channel);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(channel);
        active.delete(channel);
        subscriber.unsubscribe(channel).catch(() => undefined);
      };
    },
    onResubscribed(listener) {
      resubscribed.add(listener);
      return () => resubscribed.delete(listener);
    },
    async close() {
      handlers.clear();
      resubscribed.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
