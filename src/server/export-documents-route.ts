/**
 * `GET /export/documents.jsonl`: every source as one JSON line in the import format, streamed as it
 * is read (src/export/documents-jsonl.ts). Mounted under /export behind the same CORS, rate limit
 * and API-key check as GraphQL reads (app.ts). Before the first line a failure is a JSON error with
 * its code; after it, the response is cut short (a client sees a truncated download rather than a
 * body that claims to be complete).
 */
import { Router, type Request } from 'express';
import { ApiError, ErrorCode } from '../errors';
import { writeDocumentsJsonl } from '../export/documents-jsonl';
import type { GraphDatabase, RunOptions } from '../graph/database';
import type { Logger } from '../logger';
import { sendGraphQLError } from './http-auth';

export const EXPORT_DOCUMENTS_FILE = '/documents.jsonl';

export function exportDocumentsRoute(deps: {
  db: GraphDatabase;
  logger: Logger;
  /** The requesting client's share of the connection pool, as its GraphQL reads get. */
  gate?: (req: Request) => RunOptions['gate'];
}): Router {
  const router = Router();
  router.get(EXPORT_DOCUMENTS_FILE, async (req, res) => {
    res.status(200).type('application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="documents.jsonl"');
    try {
      await writeDocumentsJsonl(deps.db, res, { gate: deps.gate?.(req) });
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
