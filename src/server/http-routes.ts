/** Plain HTTP routes beside GraphQL: liveness, readiness, and the root redirect. */
import { Router } from 'express';
import type { Readiness } from './readiness';

export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  // Liveness never touches the database: a slow Neo4j must not get the process restarted.
  router.get('/health', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const report = await readiness.check();
    res
      .status(report.ready ? 200 : 503)
      .json(report.ready ? { status: 'ready' } : { status: 'unavailable', reason: report.reason });
  });
  router.get('/', (_req, res) => res.redirect(302, '/playground'));
  return router;
}
