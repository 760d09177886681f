/**
 * `GET /export/documents.jsonl`: every source as one JSON line in the import format, streamed as it
 * is read (src/export/documents-jsonl.ts), behind the same rate limit and key check as GraphQL
 * reads. Before the first line a failure is a JSON error with its code; after it, the response is
 * cut short (a client sees a truncated download rather than a body that claims to be complete).
 */
import { Router, type RequestHandler } from 'express';
import { ApiError, ErrorCode } from '../errors';
import { writeDocumentsJsonl } from '../export/documents-jsonl';
import type { GraphDatabase } from '../graph/database';
import type { Logger } from '../logger';
import { sendGraphQLError } from './http-auth';

export const EXPORT_DOCUMENTS_PATH = '/export/documents.jsonl';

export function exportDocumentsRoute(deps: {
  db: GraphDatabase;
  logger: Logger;
  /** The rate limiter and API key check GraphQL reads pass. */
  guards: RequestHandler[];
}): Router {
  const router = Router();
  router.get(EXPORT_DOCUMENTS_PATH, ...deps.guards, async (_req, res) => {
    res.status(200).type('application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="documents.jsonl"');
    try {
      await writeDocumentsJsonl(deps.db, res);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        deps.logger.warn({ err: String(error) }, 'documents export cut short');
        res.destroy();
        return;
      }
      if (error instanceof ApiError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) {
        sendGraphQLError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, error.message);
        return;
      }
      deps.logger.error({ err: String(error) }, 'documents export failed');
      sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
    }
  });
  return router;
}
