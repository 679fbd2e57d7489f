import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (a registry each, so tests can run several). */
export interface Metrics {
  registry: Registry;
  syncConnections: Gauge;
  loadedBoards: Gauge;
  updateApplySeconds: Histogram;
  storageWriteSeconds: Histogram;
  storageBacklog: Gauge;
  rejectedFrames: Counter<'reason'>;
  storedUpdates: Counter;
  clusterUpdates: Counter;
  catchUps: Counter;
  storageRefusals: Counter;
  joinQueue: Gauge;
  fullStateEncodes: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    syncConnections: new Gauge({
      name: 'pairboard_sync_connections',
      help: 'Open sync WebSocket connections',
      registers,
    }),
    loadedBoards: new Gauge({ name: 'pairboard_loaded_boards', help: 'Boards held in memory', registers }),
    updateApplySeconds: new Histogram({
      name: 'pairboard_update_apply_seconds',
      help: 'Time to validate and apply one incoming Yjs update',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1],
      registers,
    }),
    storageWriteSeconds: new Histogram({
      name: 'pairboard_storage_write_seconds',
      help: 'Time to append one batch of updates to Postgres',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    storageBacklog: new Gauge({
      name: 'pairboard_storage_backlog',
      help: 'Updates received but not yet durable, over all boards',
      registers,
    }),
    rejectedFrames: new Counter({
      name: 'pairboard_rejected_frames_total',
      help: 'Sync frames rejected, by reason',
      labelNames: ['reason'],
      registers,
    }),
    storedUpdates: new Counter({
      name: 'pairboard_stored_updates_total',
      help: 'Updates appended to the log',
      registers,
    }),
    clusterUpdates: new Counter({
      name: 'pairboard_cluster_updates_total',
      help: 'Durable updates received from other instances and applied',
      registers,
    }),
    catchUps: new Counter({
      name: 'pairboard_catch_ups_total',
      help: 'Times a board re-read the log tail from storage (join, gap, lost messages, seq race)',
      registers,
    }),
    storageRefusals: new Counter({
      name: 'pairboard_storage_refusals_total',
      help: 'Updates refused because storage was unavailable (the client keeps and resends them)',
      registers,
    }),
    fullStateEncodes: new Counter({
      name: 'pairboard_full_state_encodes_total',
      help: 'Whole-board sync answers encoded (one per board state, shared by every joiner)',
      registers,
    }),
    joinQueue: new Gauge({
      name: 'pairboard_join_queue',
      help: 'Sync answers waiting for a turn (join storm admission)',
      registers,
    }),
  };
}
