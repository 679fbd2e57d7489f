import { STORAGE_UNAVAILABLE_REASON } from '@pairboard/board-schema';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { RoomPeer } from './room.ts';
import { encodePermissionDenied, encodeSyncStep1 } from './sync-messages.ts';

/**
 * A room's view of its storage during an outage (SY15). While an append keeps failing the gate
 * is closed: updates are refused before they touch the doc, each connection is told once why,
 * and when an append succeeds again every refused connection is asked for what it holds.
 */
export class StorageGate {
  private down = false;
  private readonly refused = new Set<RoomPeer>();
  private readonly boardId: string;
  private readonly logger: Logger;
  private readonly metrics: Metrics;

  constructor(boardId: string, logger: Logger, metrics: Metrics) {
    this.boardId = boardId;
    this.logger = logger;
    this.metrics = metrics;
  }

  get isDown(): boolean {
    return this.down;
  }

  /** An append failed: refuse new updates until one succeeds. */
  close(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.error(
      { boardId: this.boardId, err: error },
      'storage unavailable: holding the batch, refusing new updates until it is back',
    );
  }

  /** Refuses one update of `peer`; the client keeps it. */
  refuse(peer: RoomPeer): void {
    this.metrics.storageRefusals.inc();
    if (this.refused.has(peer)) return;
    this.refused.add(peer);
    peer.send(
      encodePermissionDenied(
        `${STORAGE_UNAVAILABLE_REASON}: your changes are kept on your device and sent when storage is back`,
      ),
    );
  }

  /** An append succeeded: every refused peer still connected is sent `stateVector` (SY7 path). */
  open(stateVector: () => Uint8Array): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info({ boardId: this.boardId }, 'storage is back: asking clients to resend');
    const request = encodeSyncStep1(stateVector());
    for (const peer of this.refused) {
      peer.resyncRequested = true;
      peer.send(request);
    }
    this.refused.clear();
  }

  forget(peer: RoomPeer): void {
    this.refused.delete(peer);
  }
}
