/**
 * Assembles the HTTP server: express with health routes, GraphQL at /graphql (Apollo Server 5),
 * request ids and JSON request logs. Holds no state between requests, so instances scale out.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config';
import type { GraphDatabase } from '../graph/database';
import type { Logger } from '../logger';
import { createRequestContext, type RequestContext } from './context';
import { createErrorFormatter } from './format-error';
import { healthRoutes } from './http-routes';
import { inputSanityPlugin } from './plugins/input-sanity.plugin';
import { queryStatsPlugin } from './plugins/query-stats.plugin';
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
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

function parseBookmarks(header: string | string[] | undefined): string[] | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 50);
}

export async function startApp(
  deps: AppDependencies,
  listen: { port: number; host: string },
): Promise<RunningApp> {
  const { config, db, logger, schema, readiness } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  const development = config.nodeEnv !== 'production';

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns signal handling: it drains HTTP, then closes the driver and the local Neo4j, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      inputSanityPlugin(),
      queryStatsPlugin({ enabled: development }),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    (req as unknown as { id: string }).id = id;
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as unknown as { id: string }).id,
      autoLogging: { ignore: (req) => req.url === '/health' },
      // Method, path and status are enough to follow a request; headers may carry API keys.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(healthRoutes(readiness));
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createRequestContext({
          requestId: (req as unknown as { id: string }).id,
          db,
          logger: logger.child({ requestId: (req as unknown as { id: string }).id }),
          bookmarks: parseBookmarks(req.headers['neo4j-bookmarks']),
        }),
    }),
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
    async stop() {
      await apollo.stop();
    },
  };
}
