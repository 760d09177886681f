/**
 * Assembles the HTTP server: express with health routes, GraphQL at /graphql (Apollo Server 5),
 * request ids and JSON request logs. Holds no state between requests, so instances scale out.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import { loadKeyEntries } from '../auth/api-keys';
import { ErrorCode } from '../errors';
import type { Config } from '../config';
import type { GraphDatabase } from '../graph/database';
import type { Logger } from '../logger';
import { requestIdFrom, runInRequestScope } from '../request-scope';
import { ApiMetrics } from './api-metrics';
import { BookmarkSeal } from './bookmark-seal';
import { ClientGate } from './client-gate';
import { createRequestContext, type Principal, type RequestContext } from './context';
import { createErrorFormatter } from './format-error';
import { startLiveServer } from './live-server';
import { apiKeyMiddleware, presentedKey, sendGraphQLError } from './http-auth';
import { exportDocumentsRoute } from './export-documents-route';
import { csvExportRoutes, exportNotFound } from './export-routes';
import { healthRoutes } from './http-routes';
import { metricsRoute } from './metrics-route';
import { networkExportRoutes } from './network-export-routes';
import { boundedJsonStringify } from './response-size';
import { urlForLog } from './log-url';
import { INVALID_UTF8, rejectInvalidUtf8 } from './utf8-body';
import { webRoutes } from './web-routes';
import { armorProtection } from './plugins/armor';
import { costLimitPlugin } from './plugins/cost-limit.plugin';
import { inputSanityPlugin } from './plugins/input-sanity.plugin';
import { jsonStatusPlugin } from './plugins/json-status.plugin';
import { metricsPlugin } from './plugins/metrics.plugin';
import { queryStatsPlugin } from './plugins/query-stats.plugin';
import { trustedDocumentsPlugin } from './plugins/trusted-documents.plugin';
import { TrustedDocuments } from './trusted-documents';
import type { Readiness } from './readiness';

export interface AppDependencies {
  config: Config;
  db: GraphDatabase;
  logger: Logger;
  schema: GraphQLSchema;
  readiness: Readiness;
}

export interface RunningApp {
  httpServer: http.Server;
  url: string;
  /** This instance's Prometheus metrics (GET /metrics); `setLiveStats` feeds the subscription gauges. */
  metrics: ApiMetrics;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** Digests of recently presented keys, so a client's every request doesn't hash its key again. */
const KEY_DIGESTS_KEPT = 256;
const keyDigests = new Map<string, string>();

function keyDigest(key: string): string {
  let digest = keyDigests.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(key).digest('hex');
    // Bounded: a stream of made-up keys only ever replaces the oldest entries.
    if (keyDigests.size >= KEY_DIGESTS_KEPT) keyDigests.delete(keyDigests.keys().next().value!);
    keyDigests.set(key, digest);
  }
  return digest;
}

const CLIENT = Symbol('client');

/**
 * Who a request counts against, for the rate limit and the database share: its API key when it
 * has one (as its digest: the key itself is never logged or compared here), else its address.
 * Worked out once per request; the rate limit and the database share both ask.
 */
function clientOf(req: express.Request): string {
  const held = req as express.Request & { [CLIENT]?: string };
  if (held[CLIENT] === undefined) {
    const key = presentedKey(req);
    held[CLIENT] = key ? `key:${keyDigest(key)}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
  }
  return held[CLIENT];
}

/** Opens the sealed bookmarks of `Neo4j-Bookmarks`; one this API didn't issue is refused before any read. */
function bookmarkMiddleware(seal: BookmarkSeal) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const opened = seal.openHeader(req.headers['neo4j-bookmarks']);
    if (!opened.ok) return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, opened.message);
    (req as unknown as { bookmarks?: string[] }).bookmarks = opened.bookmarks;
    next();
  };
}

export async function startApp(
  deps: AppDependencies,
  listen: { port: number; host: string },
): Promise<RunningApp> {
  const { config, db, logger, schema, readiness } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  const development = config.nodeEnv !== 'production';
  const keys = loadKeyEntries({ keys: config.auth.keys, file: config.auth.keysFile });
  const armor = armorProtection(config.limits, !config.http.introspection);
  const seal = new BookmarkSeal(config.bookmarkSecret);
  const gate = new ClientGate({
    concurrent: config.limits.clientConcurrentQueries,
    queued: config.limits.clientQueuedQueries,
  });
  // The same rule must hold for subscriptions: graphql-ws's onSubscribe calls trusted.refusal (see trusted-documents.ts).
  const trusted = new TrustedDocuments(config.auth.trustedDocuments);
  const metrics = new ApiMetrics(
    {
      sessionsOpen: () => db.sessionsOpen,
      gateRunning: () => gate.totals().running,
      gateWaiting: () => gate.totals().waiting,
      maxConnectionPoolSize: db.maxConnectionPoolSize,
    },
    { knownOperationNames: trusted.operationNames() },
  );

  const formatError = createErrorFormatter(logger);
  // Subscriptions: graphql-ws on the same server and path (docs/live-updates.md), drained with HTTP.
  const live = startLiveServer({
    httpServer,
    config,
    db,
    logger,
    schema,
    keys,
    gate: (client) => (work) => gate.run(client, work),
    seal: (bookmark) => seal.seal(bookmark),
    formatError,
    validationRules: armor.validationRules,
    trusted,
  });
  // This instance's subscriptions and how far its tailer is behind the log (GET /metrics).
  metrics.setLiveStats(() => live.tailer.stats());

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Parsed and validated documents, reused when the same query comes again. Apollo's default
    // holds 30 MiB counted as JSON text, which is several times that in heap: a stream of distinct
    // queries (fuzzing measured it) grew the heap by ~45 MB per 10,000. Client apps send a fixed set
    // of operations, which fit many times over in a quarter of that.
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: 2 ** 20 * 4 }),
    // Automatic persisted queries (hash -> text), bounded like the document store: 2 MiB of text.
    // Manifest documents never enter it (plugins/trusted-documents.plugin.ts resolves them first).
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: 2 ** 20 * 2 }) },
    introspection: config.http.introspection,
    stringifyResult: boundedJsonStringify(config.limits.maxResponseBytes, logger),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns signal handling: it drains HTTP, then closes the driver and the local Neo4j, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => live.stop() }) },
      ApolloServerPluginLandingPageDisabled(),
      // Neither is used (no HTTP caching hints, no Apollo federation traces), and each would wrap
      // every field's resolver: measurable on large nested answers (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...armor.plugins,
      trustedDocumentsPlugin(trusted),
      inputSanityPlugin(),
      costLimitPlugin({ maxCost: config.limits.maxCost }),
      queryStatsPlugin({ enabled: development }),
      jsonStatusPlugin(),
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Everything the request causes from here on, down to graph/, runs in its scope: every log line
  // it writes carries its id (logger.ts).
  app.use((req, res, next) => {
    const id = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', id);
    (req as unknown as { id: string }).id = id;
    // The path as it arrived: routers mounted below rewrite req.path while they handle it.
    const path = req.path;
    res.on('finish', () => metrics.recordHttpResponse(path, res.statusCode));
    runInRequestScope(id, next);
  });
  // pino-http logs each finished request at info level, errors included, and nothing else: below
  // that level it would only build a child logger per request that never writes a line.
  if (logger.isLevelEnabled('info')) {
    app.use(
      pinoHttp({
        logger,
        genReqId: (req) => (req as unknown as { id: string }).id,
        autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
        // Method, path and status are enough to follow a request; headers and query strings may carry API keys.
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: urlForLog(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      }),
    );
  }
  app.use(healthRoutes(readiness));
  app.use(metricsRoute(metrics, keys));
  app.use(webRoutes());
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: config.http.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientOf,
    handler: (_req, res) =>
      sendGraphQLError(
        res,
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${config.http.rateLimitPerMinute} a minute per client; retry after the time in the RateLimit header.`,
      ),
  });
  // One CORS policy for every API route browsers call: /graphql and /export.
  const apiCors = cors({
    origin: config.http.corsOrigins,
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'neo4j-bookmarks',
      'apollo-require-preflight',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'content-disposition'],
    maxAge: 600,
  });
  app.use(
    '/graphql',
    apiCors,
    limiter,
    apiKeyMiddleware(keys, config.auth.requireKeyForReads),
    bookmarkMiddleware(seal),
    express.json({ limit: config.http.bodyLimitBytes, verify: rejectInvalidUtf8 }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // Once per request: every statement of the request passes the same client's gate.
        const client = clientOf(req);
        return createRequestContext({
          requestId: (req as unknown as { id: string }).id,
          db,
          // Lines carry the request id from the request's scope (logger.ts), as every line it causes does.
          logger,
          bookmarks: (req as unknown as { bookmarks?: string[] }).bookmarks,
          gate: (work) => gate.run(client, work),
          seal: (bookmark) => seal.seal(bookmark),
          principal: (req as unknown as { principal?: Principal }).principal,
        });
      },
    }),
  );
  app.use(
    '/export',
    apiCors,
    limiter,
    apiKeyMiddleware(keys, config.auth.requireKeyForReads),
    bookmarkMiddleware(seal),
    csvExportRoutes({ db, logger, gate: (req) => (work) => gate.run(clientOf(req), work) }),
    networkExportRoutes({ db, logger, gate: (req) => (work) => gate.run(clientOf(req), work) }),
    exportDocumentsRoute({ db, logger, gate: (req) => (work) => gate.run(clientOf(req), work) }),
    exportNotFound(),
  );
  // Body-parser failures (too large, malformed JSON) answered as GraphQL errors, never as HTML pages.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') {
        return sendGraphQLError(
          res,
          413,
          ErrorCode.BAD_USER_INPUT,
          `The request body is larger than ${config.http.bodyLimitBytes / 1024} KB.`,
        );
      }
      if (error.type === INVALID_UTF8) {
        return sendGraphQLError(
          res,
          400,
          ErrorCode.BAD_USER_INPUT,
          'The request body is not valid UTF-8: send the JSON encoded as UTF-8.',
        );
      }
      if (error.status && error.status >= 400 && error.status < 500) {
        return sendGraphQLError(
          res,
          error.status,
          ErrorCode.BAD_USER_INPUT,
          'The request body is not valid JSON.',
        );
      }
      logger.error({ err: String(error) }, 'unhandled HTTP error');
      return sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const url = `http://localhost:${port}`;

  return {
    httpServer,
    url,
    metrics,
    async stop() {
      await apollo.stop();
    },
  };
}
