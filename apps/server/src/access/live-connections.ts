import { CLOSE_UNAUTHORIZED } from '@pairboard/board-schema';
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
 * revoking a link or token, or signing out everywhere closes exactly those sockets, at once. A
 * sweep closes connections whose credential expired while they were open.
 */
export class LiveConnections {
  private readonly byTag = new Map<string, Set<LiveConnection>>();
  private readonly all = new Set<LiveConnection>();
  private readonly sweepTimer: NodeJS.Timeout;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(options: { logger: Logger; now: () => Date; sweepIntervalMs: number }) {
    this.logger = options.logger;
    this.now = options.now;
    this.sweepTimer = setInterval(() => void this.sweep(), options.sweepIntervalMs);
    this.sweepTimer.unref();
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

  /** Closes every connection filed under `tag`; returns how many. */
  closeTagged(tag: string, code: number, reason: string): number {
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
