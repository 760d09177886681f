/**
 * Typed, validated configuration from the environment. A bad value stops startup with one line
 * naming the variable and what it accepts, so operators never chase a stack trace.
 */
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const TRUSTED_DOCUMENT_MODES = ['off', 'required'] as const;

const port = (what: string) =>
  z.coerce
    .number({ error: `must be a whole number from 1 to 65535 (${what})` })
    .int({ error: `must be a whole number from 1 to 65535 (${what})` })
    .min(1, { error: `must be a whole number from 1 to 65535 (${what})` })
    .max(65535, { error: `must be a whole number from 1 to 65535 (${what})` });

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be a positive whole number (${what})` })
    .int({ error: `must be a positive whole number (${what})` })
    .positive({ error: `must be a positive whole number (${what})` });

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be one of: true, false, 1, 0' })
  .transform((value) => value === 'true' || value === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(NODE_ENVS, { error: `must be one of: ${NODE_ENVS.join(', ')}` }).default('development'),
  PORT: port('the HTTP port').default(4000),
  HOST: z.string().min(1, { error: 'must not be empty' }).default('0.0.0.0'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of: ${LOG_LEVELS.join(', ')}` }).default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s/]+/, {
      error:
        'must be a Neo4j URI such as bolt://host:7687, neo4j://host:7687 or neo4j+s://xxxx.databases.neo4j.io',
    })
    .optional(),
  NEO4J_USER: z.string().min(1, { error: 'must not be empty' }).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, {
      error: 'must be a Neo4j database name: 3-63 letters, digits, dots or dashes, starting with a letter',
    })
    .default('neo4j'),
  LOCAL_NEO4J_PORT: port('the local Neo4j Bolt port').default(7687),
  LOCAL_NEO4J_DATA_DIR: z.string().min(1, { error: 'must not be empty' }).default('.data/neo4j'),
  LOCAL_NEO4J_HEAP_MB: positiveInt('megabytes of Java heap for the local Neo4j').default(512),
  LOCAL_NEO4J_PAGECACHE_MB: positiveInt('megabytes of page cache for the local Neo4j').default(128),
  SEED_DIR: z.string().min(1, { error: 'must not be empty' }).default('seed'),
  SEED_ON_EMPTY: booleanFlag.default(true),
  SHUTDOWN_GRACE_MS: positiveInt('milliseconds to let in-flight requests finish on shutdown').default(10_000),
  SHUTDOWN_DELAY_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds, 0 or more' })
    .int({ error: 'must be a whole number of milliseconds, 0 or more' })
    .min(0, { error: 'must be a whole number of milliseconds, 0 or more' })
    .default(1500),
  API_KEYS: z.string().optional(),
  API_KEYS_FILE: z.string().min(1, { error: 'must not be empty' }).optional(),
  REQUIRE_KEY_FOR_READS: booleanFlag.default(false),
  TRUSTED_DOCUMENTS: z
    .enum(TRUSTED_DOCUMENT_MODES, { error: `must be one of: ${TRUSTED_DOCUMENT_MODES.join(', ')}` })
    .default('off'),
  CORS_ORIGINS: z
    .string()
    .regex(/^(\*|https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*)$/, {
      error: 'must be * or a comma-separated list of origins such as https://app.example.org',
    })
    .default('*'),
  RATE_LIMIT_PER_MINUTE: positiveInt('requests per minute per client').default(600),
  BODY_LIMIT_KB: positiveInt('kilobytes a request body may have').default(1024),
  INTROSPECTION: booleanFlag.optional(),
  MAX_DEPTH: positiveInt('the deepest selection nesting allowed').default(12),
  MAX_ALIASES: positiveInt('aliases allowed in one operation').default(30),
  MAX_DIRECTIVES: positiveInt('directives allowed in one operation').default(50),
  MAX_TOKENS: positiveInt('tokens allowed in one operation').default(3000),
  MAX_COST: positiveInt('values a query may ask for (its cost)').default(50_000),
  MAX_RESPONSE_KB: positiveInt('kilobytes a response may have').default(4096),
  CLIENT_CONCURRENT_QUERIES: positiveInt('database statements one client may run at once').default(4),
  CLIENT_QUEUED_QUERIES: positiveInt('database statements one client may have waiting').default(500),
  READ_TIMEOUT_MS: positiveInt('milliseconds one read statement may run').default(10_000),
  SLOW_QUERY_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds, 0 or more' })
    .int({ error: 'must be a whole number of milliseconds, 0 or more' })
    .min(0, { error: 'must be a whole number of milliseconds, 0 or more' })
    .optional(),
  CHANGE_POLL_MS: positiveInt(
    'milliseconds between polls of the change log while someone subscribes',
  ).default(200),
  CHANGE_BATCH_SIZE: positiveInt('change-log entries read per poll or replay page').default(500),
  LIVE_REPLAY_MAX: positiveInt('change-log entries a reconnecting subscription may replay').default(10_000),
  LIVE_QUEUE_MAX: positiveInt('events waiting for one slow subscriber before its connection closes').default(
    1000,
  ),
  LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt('subscriptions on one WebSocket').default(20),
  LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: positiveInt('subscriptions per key (or address) per instance').default(
    100,
  ),
  LIVE_MAX_CONNECTIONS_PER_CLIENT: positiveInt('WebSockets per key (or address) per instance').default(20),
  LIVE_MAX_PAYLOAD_KB: positiveInt('kilobytes one WebSocket message may have').default(64),
  LIVE_INIT_TIMEOUT_MS: positiveInt('milliseconds a WebSocket may take to send connection_init').default(
    5000,
  ),
  BOOKMARK_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)' })
    .optional(),
});

export type Config = {
  nodeEnv: (typeof NODE_ENVS)[number];
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Unset: the API starts its own local Neo4j (see src/local-neo4j/). */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  localNeo4j: { port: number; dataDir: string; heapMb: number; pageCacheMb: number };
  seed: { dir: string; onEmpty: boolean };
  shutdownGraceMs: number;
  /** How long to keep serving, not ready, after SIGTERM before closing the listener. */
  shutdownDelayMs: number;
  auth: {
    keys: string | undefined;
    keysFile: string | undefined;
    requireKeyForReads: boolean;
    /**
     * `required`: only operations of the persisted-documents manifest run, unless the key has the
     * ad-hoc grant (server/trusted-documents.ts). `off`: any operation runs.
     */
    trustedDocuments: (typeof TRUSTED_DOCUMENT_MODES)[number];
  };
  http: {
    corsOrigins: '*' | string[];
    rateLimitPerMinute: number;
    bodyLimitBytes: number;
    introspection: boolean;
  };
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    maxResponseBytes: number;
    /** One client's share of the database (server/client-gate.ts). */
    clientConcurrentQueries: number;
    clientQueuedQueries: number;
    readTimeoutMs: number;
    /** Reads and write transactions at least this long are logged as slow; unset: none. */
    slowQueryMs: number | undefined;
  };
  /** Unset: a random secret per process, so bookmarks work only on the instance that issued them. */
  bookmarkSecret: string | undefined;
  /** Subscriptions over graphql-ws (docs/live-updates.md). */
  live: {
    pollMs: number;
    batchSize: number;
    replayMax: number;
    queueMax: number;
    maxSubscriptionsPerConnection: number;
    maxSubscriptionsPerClient: number;
    maxConnectionsPerClient: number;
    maxPayloadBytes: number;
    initTimeoutMs: number;
  };
};

/** Raised for an invalid environment; its message is the single line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset: `PORT= npm start` should mean "default", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const given = env[variable];
    throw new ConfigError(
      `Invalid configuration: ${variable}${given === undefined ? '' : `=${JSON.stringify(given)}`} ${issue.message}`,
    );
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4jUri: e.NEO4J_URI,
    neo4jUser: e.NEO4J_USER,
    neo4jPassword: e.NEO4J_PASSWORD,
    neo4jDatabase: e.NEO4J_DATABASE,
    localNeo4j: {
      port: e.LOCAL_NEO4J_PORT,
      dataDir: path.resolve(e.LOCAL_NEO4J_DATA_DIR),
      heapMb: e.LOCAL_NEO4J_HEAP_MB,
      pageCacheMb: e.LOCAL_NEO4J_PAGECACHE_MB,
    },
    seed: { dir: path.resolve(e.SEED_DIR), onEmpty: e.SEED_ON_EMPTY },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    auth: {
      keys: e.API_KEYS,
      keysFile: e.API_KEYS_FILE,
      requireKeyForReads: e.REQUIRE_KEY_FOR_READS,
      trustedDocuments: e.TRUSTED_DOCUMENTS,
    },
    http: {
      corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
      // Schema discovery helps in development; production hides it unless asked for.
      introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
    },
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
      maxResponseBytes: e.MAX_RESPONSE_KB * 1024,
      clientConcurrentQueries: e.CLIENT_CONCURRENT_QUERIES,
      clientQueuedQueries: e.CLIENT_QUEUED_QUERIES,
      readTimeoutMs: e.READ_TIMEOUT_MS,
      slowQueryMs: e.SLOW_QUERY_MS,
    },
    bookmarkSecret: e.BOOKMARK_SECRET,
    live: {
      pollMs: e.CHANGE_POLL_MS,
      batchSize: e.CHANGE_BATCH_SIZE,
      replayMax: e.LIVE_REPLAY_MAX,
      queueMax: e.LIVE_QUEUE_MAX,
      maxSubscriptionsPerConnection: e.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxSubscriptionsPerClient: e.LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT,
      maxConnectionsPerClient: e.LIVE_MAX_CONNECTIONS_PER_CLIENT,
      maxPayloadBytes: e.LIVE_MAX_PAYLOAD_KB * 1024,
      initTimeoutMs: e.LIVE_INIT_TIMEOUT_MS,
    },
  };
}
