/**
 * GET /export/network.graphml and /export/network.gexf: the `network` and `egoNetwork` queries as
 * files for Gephi and Cytoscape, with the same parameters in the query string (kind, from, to,
 * actors as a comma-separated list, topic; or ego and depth). Mounted under /export with the CSV
 * exports (app.ts), behind the same CORS, rate limit and API-key check as GraphQL reads. Every check
 * runs before the first byte of the file: a bad request is a JSON error (400, or 404 for an unknown
 * id), never half a file. Other paths pass on to the next export router.
 */
import { Router, type Request, type Response } from 'express';
import { ApiError, BadUserInputError, ErrorCode } from '../errors';
import { GraphReader } from '../graph/graph-reader';
import type { GraphDatabase, RunOptions } from '../graph/database';
import type { Logger } from '../logger';
import { DateScalar, toIsoDate } from '../modules/common/scalars';
import { networkToGexf } from '../modules/network/network.gexf';
import { networkToGraphml } from '../modules/network/network.graphml';
import type { MeasuredNetwork } from '../modules/network/network-measures';
import { NetworkService, type NetworkResult } from '../modules/network/network.service';
import { NetworkKind } from '../modules/network/network.type';
import { sendGraphQLError } from './http-auth';

export interface NetworkExportDependencies {
  db: GraphDatabase;
  logger: Logger;
  /** The request's client's share of the database (server/client-gate.ts). */
  gate: (req: Request) => RunOptions['gate'];
}

/** The network files offered, by extension (the CLI writes the same ones). */
export const NETWORK_FILE_FORMATS = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', write: networkToGraphml },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', write: networkToGexf },
} satisfies Record<string, { contentType: string; write: (graph: MeasuredNetwork) => string }>;

const NETWORK_PARAMETERS = ['kind', 'from', 'to', 'actors', 'topic'];
const EGO_PARAMETERS = ['ego', 'depth', 'kind', 'from', 'to'];

const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

export function networkExportRoutes(deps: NetworkExportDependencies): Router {
  const router = Router();
  for (const [extension, format] of Object.entries(NETWORK_FILE_FORMATS)) {
    router.get(`/network.${extension}`, async (req: Request, res: Response) => {
      try {
        const parameters = singleValues(req.query);
        const service = new NetworkService(new GraphReader(deps.db, undefined, undefined, deps.gate(req)));
        const result = await networkFor(service, parameters);
        const body = format.write(result.graph);
        res
          .status(200)
          .type(format.contentType)
          .setHeader('content-disposition', `attachment; filename="${fileName(parameters, extension)}"`)
          .setHeader('x-content-type-options', 'nosniff')
          .send(body);
      } catch (error) {
        sendError(res, error, deps.logger);
      }
    });
  }
  return router;
}

/** The query string (or the CLI's flags) as single values; a repeated parameter is ambiguous, so it is refused. */
export function singleValues(query: Record<string, unknown>): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') {
      throw new BadUserInputError(`Give the parameter \`${name.slice(0, 40)}\` once, as a single value.`);
    }
    parameters.set(name, value);
  }
  return parameters;
}

/** The network or ego network the parameters ask for; every fault a typed error that says what to fix. */
export function networkFor(service: NetworkService, parameters: Map<string, string>): Promise<NetworkResult> {
  const ego = parameters.get('ego');
  checkKnown(parameters, ego === undefined ? NETWORK_PARAMETERS : EGO_PARAMETERS, ego !== undefined);
  const common = {
    from: dateParameter(parameters, 'from'),
    to: dateParameter(parameters, 'to'),
  };
  if (ego !== undefined) {
    return service.egoNetwork({
      ...common,
      actor: ego,
      depth: depthParameter(parameters.get('depth')),
      kind: kindParameter(parameters.get('kind') ?? NetworkKind.CO_ATTENDANCE),
    });
  }
  const kind = parameters.get('kind');
  if (kind === undefined) {
    throw new BadUserInputError(
      '`kind` is required: CO_ATTENDANCE or CO_STANCE (or give `ego` for an ego network).',
    );
  }
  const actors = parameters.get('actors');
  return service.network({
    ...common,
    kind: kindParameter(kind),
    actors: actors === undefined ? null : actors.split(',').map((id) => id.trim()),
    topic: parameters.get('topic') ?? null,
  });
}

function checkKnown(parameters: Map<string, string>, known: readonly string[], ego: boolean): void {
  for (const name of parameters.keys()) {
    if (!known.includes(name)) {
      throw new BadUserInputError(
        `Unknown parameter \`${name.slice(0, 40)}\`: ${ego ? 'an ego network takes' : 'a network takes'} ${known.join(', ')}.`,
      );
    }
  }
}

function kindParameter(value: string): NetworkKind {
  const kind = Object.values(NetworkKind).find((candidate) => candidate === value);
  if (!kind) throw new BadUserInputError('`kind` must be CO_ATTENDANCE or CO_STANCE.');
  return kind;
}

/** Checked as the GraphQL Date scalar checks it, so both refuse the same dates. */
function dateParameter(parameters: Map<string, string>, name: string): string | null {
  const value = parameters.get(name);
  if (value === undefined) return null;
  try {
    return toIsoDate(DateScalar.parseValue(value) as Date);
  } catch {
    throw new BadUserInputError(`\`${name}\` must be a date as YYYY-MM-DD, e.g. 2025-04-10.`);
  }
}

function depthParameter(value: string | undefined): number {
  if (value === undefined) return 1;
  // Anything but plain digits is refused here; the range (1 to 3) is the service's rule.
  if (!/^\d{1,2}$/.test(value))
    throw new BadUserInputError('`depth` must be a whole number of hops: 1, 2 or 3.');
  return Number(value);
}

/** e.g. network-co_attendance-2025-04-01-2025-04-30.graphml: only letters, digits and dashes from the request. */
function fileName(parameters: Map<string, string>, extension: string): string {
  const ego = parameters.get('ego');
  const parts = [
    ego === undefined ? 'network' : `ego-${ego}`,
    (parameters.get('kind') ?? NetworkKind.CO_ATTENDANCE).toLowerCase(),
    parameters.get('from'),
    parameters.get('to'),
  ].filter((part): part is string => part !== undefined);
  const safe = parts
    .join('-')
    .replace(/[^a-z0-9_-]+/gi, '-')
    .slice(0, 120);
  return `${safe}.${extension}`;
}

/** API errors as GraphQL would shape them; anything else is logged and masked. */
function sendError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof ApiError) {
    const code = String(error.extensions.code);
    sendGraphQLError(res, STATUS_OF[code] ?? 500, code, error.message);
    return;
  }
  logger.error({ err: String(error) }, 'network export failed');
  sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
}
