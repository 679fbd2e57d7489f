/**
 * How the instances of one cluster tell each other things: durable board updates, awareness,
 * revocations, escalation hints. Messages are fire-and-forget (Redis pub/sub): a subscriber that
 * was disconnected misses them, which is why `onResubscribed` exists: whoever depends on a
 * channel re-reads the truth from Postgres then (SY14).
 *
 * A single instance uses `createLocalBus`, on which nothing is ever received.
 */
export interface ClusterBus {
  /** This instance's name (INSTANCE_ID): messages carry it so an instance ignores its own. */
  readonly instanceId: string;
  /** True when there are other instances to talk to. */
  readonly clustered: boolean;
  publish(channel: string, payload: Uint8Array): void;
  /**
   * Calls `handler` with every message another instance publishes on `channel`; resolves once
   * the subscription is active (messages published after that are delivered). Returns the
   * unsubscribe function.
   */
  subscribe(channel: string, handler: BusHandler): Promise<() => void>;
  /** Calls `listener` after the connection to the other instances was lost and is back. */
  onResubscribed(listener: () => void): () => void;
  close(): Promise<void>;
}

export type BusHandler = (payload: Uint8Array, fromInstance: string) => void;

/** The bus of an instance that is alone: publishing goes nowhere. */
export function createLocalBus(instanceId: string): ClusterBus {
  return {
    instanceId,
    clustered: false,
    publish: () => undefined,
    subscribe: () => Promise.resolve(() => undefined),
    onResubscribed: () => () => undefined,
    close: () => Promise.resolve(),
  };
}

/** Channel names, in one place so every instance agrees on them. */
export const channels = {
  /** Durable updates and awareness of one Yjs document (`<boardId>` or `<boardId>~contacts`). */
  doc: (docName: string) => `pb:doc:${docName}`,
  /** Credentials revoked: close the live connections filed under a tag (see LiveConnections). */
  revoke: 'pb:revoke',
  /** A board's incidents or targets changed: the escalation leader re-reads it. */
  escalation: 'pb:escalation',
  /** The leader escalated an incident: every instance alerts its own owners and editors. */
  escalationAlert: 'pb:escalation-alert',
} as const;
