/**
 * GET /export/<type>.csv: facts and entities as streamed CSV for spreadsheets (docs/exports.md).
 * The query string is checked whole before anything is read, so a bad request is a 400 with the
 * API's JSON error body and no CSV byte. Mounted behind the same CORS, rate limit and API-key
 * check as /graphql (app.ts). Paths whose name is no CSV export pass on, so other exports (other
 * formats) can share the mount; exportNotFound, mounted last, answers what nobody took.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, BadUserInputError, ErrorCode } from '../errors';
import type { GraphDatabase, RunOptions } from '../graph/database';
import type { Logger } from '../logger';
import type { FactFilter } from '../export/export.cypher';
import { EXPORT_NAMES, filtersOf, planExport, type ExportPlan } from '../export/export-plan';
import { exportTypeOf, isEntityExportName, isFactExportName, type ExportName } from '../export/export-types';
import { openCsvExport } from '../export/write-csv';
import { sendGraphQLError } from './http-auth';

export interface ExportRouteDependencies {
  db: GraphDatabase;
  logger: Logger;
  /** The requesting client's share of the connection pool, as its GraphQL reads get. */
  gate?: (req: Request) => RunOptions['gate'];
}

/** Parameters every CSV export takes besides its filters. */
const CSV_PARAMETERS = ['bom'] as const;
const BOOLEAN_PARAMETERS = new Set(['includeRetracted', 'bom']);

/** `meetings.csv` as its type and format. */
const FILE = /^([A-Za-z]+)\.([A-Za-z0-9]+)$/;

/** The export a path segment names (`meetings` of `meetings.csv` or `meetings.xlsx`), if any. */
function csvExportName(file: string): ExportName | undefined {
  const name = FILE.exec(file)?.[1] ?? file;
  return isFactExportName(name) || isEntityExportName(name) ? name : undefined;
}

function noExportAt(path: string): string {
  return (
    `There is no export at /export${path}: ask for /export/<type>.csv, with <type> one of ${EXPORT_NAMES.join(', ')}; ` +
    'or /export/network.graphml, /export/network.gexf or /export/documents.jsonl.'
  );
}

/**
 * Reads and checks a request (the query string, or the CLI's flags) into a plan; every fault a
 * BadUserInputError saying what to fix.
 */
export function csvPlanFromQuery(
  file: string,
  query: Record<string, unknown>,
): { plan: ExportPlan; bom: boolean } {
  const parts = FILE.exec(file);
  const name = csvExportName(file);
  if (!name) throw new BadUserInputError(noExportAt(`/${file}`));
  if (parts?.[2] !== 'csv') {
    throw new BadUserInputError(
      `/export/${file} is not offered: ${name} are exported as CSV only; ask for /export/${name}.csv.`,
    );
  }
  const accepted: string[] = [...filtersOf(exportTypeOf(name)), ...CSV_PARAMETERS];
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!accepted.includes(key)) {
      throw new BadUserInputError(
        `Unknown parameter \`${key}\` for /export/${name}.csv: it takes ${accepted.map((k) => `\`${k}\``).join(', ')}.`,
        { argument: key },
      );
    }
    if (typeof value !== 'string') {
      throw new BadUserInputError(`Give \`${key}\` once, as a plain value.`, { argument: key });
    }
    if (value === '') throw new BadUserInputError(`\`${key}\` is empty: give it a value or leave it out.`);
    if (BOOLEAN_PARAMETERS.has(key) && value !== 'true' && value !== 'false') {
      throw new BadUserInputError(`\`${key}\` must be true or false (got "${value}").`, { argument: key });
    }
    values[key] = value;
  }
  const filter: FactFilter = {
    from: values.from,
    to: values.to,
    actor: values.actor,
    topic: values.topic,
    includeRetracted: values.includeRetracted === 'true' ? true : undefined,
  };
  return { plan: planExport(name, filter), bom: values.bom === 'true' };
}

/** The HTTP status of an error that happened before the CSV began. */
function statusOf(error: ApiError): number {
  const http = (error.extensions.http as { status?: number } | undefined)?.status;
  if (http) return http;
  switch (error.extensions.code) {
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.QUERY_TOO_COMPLEX:
      return 400;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}

export function csvExportRoutes(deps: ExportRouteDependencies): Router {
  const router = Router();

  router.get('/:file', async (req: Request<{ file: string }>, res: Response, next: NextFunction) => {
    if (!csvExportName(req.params.file)) return next();
    // Made when first used: most exports log nothing here.
    const log = () =>
      deps.logger.child({ requestId: (req as unknown as { id?: string }).id, export: req.params.file });
    let plan: ExportPlan;
    let bom: boolean;
    let csv: Readable;
    try {
      ({ plan, bom } = csvPlanFromQuery(req.params.file, req.query));
      // Opened by the bookmark middleware in front of this router (app.ts): the export sees the client's writes.
      const bookmarks = (req as unknown as { bookmarks?: string[] }).bookmarks;
      csv = await openCsvExport(deps.db, plan, { gate: deps.gate?.(req), bookmarks, bom });
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.extensions.code !== ErrorCode.BAD_USER_INPUT)
          log().warn({ code: error.extensions.code }, 'export refused');
        return sendGraphQLError(res, statusOf(error), String(error.extensions.code), error.message);
      }
      log().error({ err: String(error) }, 'export failed before its first row');
      return sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
    }
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('content-disposition', `attachment; filename="${plan.name}.csv"`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method === 'HEAD') {
      csv.destroy();
      return res.end();
    }
    try {
      // Backpressure end to end: pipeline waits for 'drain' on the response before taking more rows.
      await pipeline(csv, res);
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        // The client went away: pipeline destroyed the CSV stream, which ends the batch reads.
        log().info('export stopped: the client closed the connection');
        return;
      }
      // Headers and rows are out: the only honest signal left is a cut connection (pipeline has
      // destroyed the response, so the chunked body never gets its final chunk).
      log().error(
        { err: String(error), code: (error as { code?: string }).code },
        'export failed mid-stream; response cut',
      );
    }
  });

  return router;
}

/**
 * Anything under /export that no export route took: a 400 that says what exists, rather than
 * express's HTML 404. Mount it after every export router.
 */
export function exportNotFound() {
  return (req: Request, res: Response) =>
    sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, noExportAt(req.path));
}
