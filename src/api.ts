/**
 * Starts the whole API from a config: the local Neo4j when no NEO4J_URI is given, the driver, the
 * schema, readiness/bootstrap and the HTTP server. Used by main.ts, tests and scripts alike, so they
 * all run the real thing.
 */
import type { Config } from './config';
import { GraphDatabase } from './graph/database';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j/launcher';
import { ensureLocalNeo4jBuilt } from './local-neo4j/maven-build';
import { createLogger, type Logger } from './logger';
import type { ApiMetrics } from './server/api-metrics';
import { startApp } from './server/app';
import { Readiness } from './server/readiness';
import { buildApiSchema } from './server/schema';
import { ensureWebBuilt } from './web-build/ensure-web-built';
import { seedIfEmpty } from './ingest/seed';

export interface RunningApi {
  url: string;
  db: GraphDatabase;
  readiness: Readiness;
  logger: Logger;
  localNeo4j: LocalNeo4j | undefined;
  /** Prometheus metrics of this instance (GET /metrics); `metrics.setLiveStats` feeds the live gauges. */
  metrics: ApiMetrics;
  /** Graceful: drains HTTP, closes the driver, stops the local Neo4j it started. */
  stop(): Promise<void>;
}

export async function startApi(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningApi> {
  let localNeo4j: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    await ensureLocalNeo4jBuilt();
    localNeo4j = await startLocalNeo4j({
      port: config.localNeo4j.port,
      dataDir: config.localNeo4j.dataDir,
      heapMb: config.localNeo4j.heapMb,
      pageCacheMb: config.localNeo4j.pageCacheMb,
      onLog: (line) => logger.debug({ neo4j: line }, 'local neo4j'),
    });
    uri = localNeo4j.uri;
    logger.info({ uri, dataDir: config.localNeo4j.dataDir }, 'started local Neo4j');
  }

  const db = new GraphDatabase({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    logger,
    readTimeoutMs: config.limits.readTimeoutMs,
    slowQueryMs: config.limits.slowQueryMs,
  });
  const [schema] = await Promise.all([buildApiSchema(), ensureWebBuilt(logger)]);
  const readiness = new Readiness(db, logger, async () => {
    if (config.seed.onEmpty) await seedIfEmpty(db, config.seed.dir, logger);
  });
  readiness.start();
  const app = await startApp(
    { config, db, logger, schema, readiness },
    { port: config.port, host: config.host },
  );
  logger.info({ url: `${app.url}/graphql` }, 'GraphQL API listening');

  let stopping: Promise<void> | undefined;
  return {
    url: app.url,
    db,
    readiness,
    logger,
    localNeo4j,
    metrics: app.metrics,
    stop() {
      stopping ??= (async () => {
        const started = Date.now();
        readiness.stop();
        // Report not-ready and keep serving briefly: requests already sent on open connections are
        // read and handled before the server stops listening and closes idle connections.
        readiness.markDraining();
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
        await app.stop();
        logger.info({ ms: Date.now() - started }, 'HTTP server drained');
        await db.close();
        await localNeo4j?.stop();
        logger.info({ ms: Date.now() - started }, 'stopped');
      })();
      return stopping;
    },
  };
}
