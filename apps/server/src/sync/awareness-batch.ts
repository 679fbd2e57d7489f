import * as awarenessProtocol from 'y-protocols/awareness';

/** One flushed batch: the encoded update, who must not get it back, and whether it is ours to publish. */
export interface AwarenessFlush<Sender> {
  update: Uint8Array;
  /** The only connection that caused the changes, which already has them; null if several did. */
  except: Sender | null;
  /** Changes made by this instance's clients (published to other instances). */
  local: boolean;
}

/**
 * Awareness changes collected over one event-loop turn and sent as one message per kind.
 * When a board's people join together (a session starts, a reconnect storm), each announces
 * itself: forwarding each announcement alone costs N x N frames, batching costs N. Clients
 * apply a message with several states as they do one with one; a state echoed to the client that
 * sent it has the clock it already holds, so it is ignored.
 */
export class AwarenessBatch<Sender> {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly flush: (batch: AwarenessFlush<Sender>) => void;
  /** Made when a change comes and dropped when sent: an idle board holds no sets (many boards). */
  private pending: Partial<
    Record<'local' | 'remote', { clients: Set<number>; senders: Set<Sender | null> }>
  > = {};
  private scheduled: NodeJS.Immediate | null = null;

  constructor(awareness: awarenessProtocol.Awareness, flush: (batch: AwarenessFlush<Sender>) => void) {
    this.awareness = awareness;
    this.flush = flush;
  }

  /** Queues changed client ids; `sender` is the connection they came from, if any. */
  add(clients: readonly number[], kind: 'local' | 'remote', sender: Sender | null): void {
    const pending = (this.pending[kind] ??= { clients: new Set(), senders: new Set() });
    for (const client of clients) pending.clients.add(client);
    pending.senders.add(sender);
    this.scheduled ??= setImmediate(() => this.send());
  }

  stop(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  private send(): void {
    this.scheduled = null;
    const pending = this.pending;
    this.pending = {};
    for (const kind of ['local', 'remote'] as const) {
      const batch = pending[kind];
      if (!batch || batch.clients.size === 0) continue;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...batch.clients]);
      const except = batch.senders.size === 1 ? [...batch.senders][0] : null;
      this.flush({ update, except: except ?? null, local: kind === 'local' });
    }
  }
}
