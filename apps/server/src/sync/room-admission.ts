import * as Y from 'yjs';
import { CLOSE_INVALID_UPDATE, CLOSE_UNRESOLVED_DEPENDENCIES } from '@pairboard/board-schema';
import {
  checkWritePolicy,
  inspectUpdate,
  updateFootprint,
  type UpdateVerdict,
} from '@pairboard/sync-core/server';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { RoomPeer } from './room.ts';
import { encodePermissionDenied, encodeSyncStep1 } from './sync-messages.ts';

export interface AdmissionContext {
  boardId: string;
  doc: Y.Doc;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Decides whether one incoming update may be applied to the room's doc: it must decode completely
 * with every predecessor present (UV*), and the peer's role must allow what it touches (WP*,
 * SY10). When the answer is no, this answers the peer itself: nothing for a resent update, one
 * resync request for missing predecessors (SY7), permission denied, or a close for garbage.
 */
export function admitUpdate(
  ctx: AdmissionContext,
  peer: RoomPeer,
  update: Uint8Array,
  step2: boolean,
): boolean {
  const verdict = inspectUpdate(ctx.doc, update);
  if (verdict.kind !== 'ok') {
    refuse(ctx, peer, verdict, step2);
    return false;
  }
  if (step2) peer.resyncRequested = false;
  return permits(ctx, peer, update);
}

function permits(ctx: AdmissionContext, peer: RoomPeer, update: Uint8Array): boolean {
  if (peer.writePolicy.kind === 'all') return true;
  const verdict = checkWritePolicy(updateFootprint(ctx.doc, update), peer.writePolicy);
  if (verdict.ok) return true;
  ctx.metrics.rejectedFrames.inc({ reason: 'permission_denied' });
  ctx.logger.info({ boardId: ctx.boardId, peer: peer.id, reason: verdict.reason }, 'refused a write');
  peer.send(encodePermissionDenied(verdict.reason));
  return false;
}

function refuse(
  ctx: AdmissionContext,
  peer: RoomPeer,
  verdict: Exclude<UpdateVerdict, { kind: 'ok' }>,
  step2: boolean,
): void {
  if (verdict.kind === 'empty') {
    if (step2) peer.resyncRequested = false;
    return;
  }
  if (verdict.kind === 'invalid') {
    ctx.metrics.rejectedFrames.inc({ reason: 'invalid_update' });
    ctx.logger.warn(
      { boardId: ctx.boardId, peer: peer.id, reason: verdict.reason },
      'rejected invalid update',
    );
    peer.close(CLOSE_INVALID_UPDATE, `invalid update: ${verdict.reason}`.slice(0, 120));
    return;
  }
  // Missing predecessors: never park them. Ask the client once for everything we lack; its
  // sync step 2 answer carries the predecessors. If even that answer lacks them, give up.
  if (step2 && peer.resyncRequested) {
    ctx.metrics.rejectedFrames.inc({ reason: 'unresolved_dependencies' });
    ctx.logger.warn({ boardId: ctx.boardId, peer: peer.id }, 'client cannot supply missing predecessors');
    peer.close(CLOSE_UNRESOLVED_DEPENDENCIES, 'update depends on changes the client cannot supply');
    return;
  }
  ctx.metrics.rejectedFrames.inc({ reason: 'missing_dependencies' });
  if (!peer.resyncRequested) {
    peer.resyncRequested = true;
    peer.send(encodeSyncStep1(Y.encodeStateVector(ctx.doc)));
  }
}
