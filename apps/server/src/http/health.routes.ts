import { Router } from 'express';
import type { Database } from '@pairboard/db';
import type { Metrics } from '../metrics.ts';

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export function healthRouter(db: Database, metrics: Metrics, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting_down' });
      return;
    }
    try {
      await db.ping();
      res.json({ status: 'ready', database: db.driver });
    } catch {
      res.status(503).json({ status: 'database_unreachable' });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
