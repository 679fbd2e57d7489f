import { CLOSE_UNAUTHORIZED } from '@pairboard/board-schema';
import { channels, type ClusterBus } from '../cluster/bus.ts';
import type { Logger } from '../logger.ts';

/** A live socket (sync or Socket.IO) opened with some credential. */
export interface LiveConnection {
  /** e.g. `session:<id>`, `user:<id>`, `member:<board>:<user>`, `token:<id>`, `link:<id>`. */
  tags: readonly string[];
  /** When the credential runs out, if it does; the sweep re-checks it then. */
  expiresAt: Date | null;
  /** Re-checks the credential; resolves the new expiry, or null if it is no longer valid. */
  revalidate(): Promise<{ expiresAt: Date | null } | null>;
  close(code: number, reason: string): void;
}

/**
 * Every live connection filed under the credentials that opened it, so that removing a member,
 * revoking a link or token, or signing out everywhere closes exactly those sockets, at once, on
 * every instance (the tag is published on the cluster bus). A sweep closes connections whose
 * credential expired while they were open.
 */
export class LiveConnections {
  private readonly byTag = new Map<string, Set<LiveConnection>>();
  private readonly all = new Set<LiveConnection>();
  private readonly sweepTimer: NodeJS.Timeout;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly bus: ClusterBus | null;
  private unsubscribe: (() => void) | null = null;

  constructor(options: { logger: Logger; now: () => Date; sweepIntervalMs: number; bus?: ClusterBus }) {
    this.logger = options.logger;
    this.now = options.now;
    this.bus = options.bus ?? null;
    this.sweepTimer = setInterval(() => void this.sweep(), options.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Starts closing what other instances revoke; resolves once that is in effect. */
  async listen(): Promise<void> {
    if (!this.bus?.clustered) return;
    this.unsubscribe = await this.bus.subscribe(channels.revoke, (payload) => {
      const message = parseRevocation(payload);
      if (message) this.closeHere(message.tag, message.code, message.reason);
    });
  }

  /** Registers a connection; call the returned function when it closes. */
  add(connection: LiveConnection): () => void {
    this.all.add(connection);
    for (const tag of connection.tags) {
      const set = this.byTag.get(tag) ?? new Set<LiveConnection>();
      set.add(connection);
      this.byTag.set(tag, set);
    }
    return () => this.remove(connection);
  }

  /** Closes every connection filed under `tag`, here and on every other instance; returns how many here. */
  closeTagged(tag: string, code: number, reason: string): number {
    this.bus?.publish(channels.revoke, new TextEncoder().encode(JSON.stringify({ tag, code, reason })));
    return this.closeHere(tag, code, reason);
  }

  private closeHere(tag: string, code: number, reason: string): number {
    const connections = [...(this.byTag.get(tag) ?? [])];
    for (const connection of connections) {
      this.remove(connection);
      connection.close(code, reason);
    }
    if (connections.length > 0)
      this.logger.info({ tag, closed: connections.length }, 'closed live connections');
    return connections.length;
  }

  stop(): void {
    clearInterval(this.sweepTimer);
    this.unsubscribe?.();
  }

  private remove(connection: LiveConnection): void {
    this.all.delete(connection);
    for (const tag of connection.tags) {
      const set = this.byTag.get(tag);
      set?.delete(connection);
      if (set?.size === 0) this.byTag.delete(tag);
    }
  }

  private async sweep(): Promise<void> {
    const now = this.now();
    const due = [...this.all].filter((c) => c.expiresAt !== null && c.expiresAt <= now);
    for (const connection of due) {
      try {
        const still = await connection.revalidate();
        if (still) {
          connection.expiresAt = still.expiresAt;
          continue;
        }
      } catch (error) {
        this.logger.warn(
          { err: error },
          'could not revalidate a live connection; keeping it until the next sweep',
        );
        continue;
      }
      this.remove(connection);
      connection.close(CLOSE_UNAUTHORIZED, 'credentials expired');
    }
  }
}

/** A revocation from another instance; null (ignored) when it is not one. */
function parseRevocation(payload: Uint8Array): { tag: string; code: number; reason: string } | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const { tag, code, reason } = value;
    if (typeof tag !== 'string' || typeof code !== 'number' || typeof reason !== 'string') return null;
    return { tag, code, reason };
  } catch {
    return null;
  }
}
