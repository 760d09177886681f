/**
 * GET /metrics: the Prometheus text exposition of the API's metrics (api-metrics.ts), for admin
 * keys only. The numbers name no keys, queries or variables, but operation names and error rates
 * say what clients do and how the service fares, which is the operator's business: a scraper
 * sends an admin key as `Authorization: Bearer <key>` (Prometheus: `authorization.credentials`).
 */
import { Router } from 'express';
import type { ApiKeyEntry } from '../auth/api-keys';
import { ErrorCode } from '../errors';
import type { ApiMetrics } from './api-metrics';
import type { Principal } from './context';
import { apiKeyMiddleware, sendGraphQLError } from './http-auth';

export function metricsRoute(metrics: ApiMetrics, keys: readonly ApiKeyEntry[]): Router {
  const router = Router();
  router.get('/metrics', apiKeyMiddleware(keys, true), async (req, res) => {
    const principal = (req as unknown as { principal?: Principal }).principal;
    if (principal?.role !== 'admin') {
      return sendGraphQLError(
        res,
        403,
        ErrorCode.FORBIDDEN,
        '/metrics needs an API key with the admin role.',
      );
    }
    const { contentType, body } = await metrics.render();
    res.status(200).type(contentType).send(body);
  });
  return router;
}
