/**
 * Starts the real API in-process on a free port against the test Neo4j (NEO4J_URI from the global
 * setup), optionally with a clean graph holding just the seed. Suites run one at a time (--runInBand),
 * so a suite that resets the graph can't disturb another.
 */
import 'reflect-metadata';
import path from 'node:path';
import { startApi, type RunningApi } from '../../src/api';
import { createKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import { loadDocumentsFromPath } from '../../src/ingest/import';
import { createLogger, type Logger } from '../../src/logger';
import { graphql, type GraphQLResponse } from './graphql';

export const SEED_DIR = path.join(__dirname, '..', '..', 'seed');

export interface TestApi {
  url: string;
  api: RunningApi;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /** Wipe the graph and load seed/ (default true). */
  seed?: boolean;
  neo4jUri?: string;
  env?: Record<string, string>;
  /** Where logs go (default: nowhere), e.g. to check what is and isn't logged. */
  logger?: Logger;
  /**
   * Wait until the API is ready (default true). False returns as soon as it listens, e.g. while its
   * Neo4j is still down; it then can't load the seed, so `seed: false` is required.
   */
  waitUntilReady?: boolean;
}

/** Fresh API keys of every role, and the API_KEYS value that stores their hashes. */
export function testKeys(): { reader: string; editor: string; admin: string; env: string } {
  const reader = createKey('test-reader', 'reader');
  const editor = createKey('test-editor', 'editor');
  const admin = createKey('test-admin', 'admin');
  return {
    reader: reader.key,
    editor: editor.key,
    admin: admin.key,
    env: [reader.entry, editor.entry, admin.entry].join(','),
  };
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const waitUntilReady = options.waitUntilReady ?? true;
  if (!waitUntilReady && (options.seed ?? true))
    throw new Error('startTestApi: waitUntilReady: false needs seed: false (the seed is loaded once ready).');
  const neo4jUri = options.neo4jUri ?? process.env.NEO4J_URI;
  if (!neo4jUri) throw new Error('NEO4J_URI is not set: the jest global setup should have started Neo4j.');
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_ON_EMPTY: 'false',
      // In-process test servers have no load balancer to drain from.
      SHUTDOWN_DELAY_MS: '0',
      NEO4J_URI: neo4jUri,
      ...options.env,
    }),
    port: 0,
    host: '127.0.0.1',
  };
  const logger = options.logger ?? createLogger(config.logLevel);
  const api = await startApi(config, logger);
  if (waitUntilReady) await api.readiness.waitUntilReady();
  if (options.seed ?? true) {
    await resetGraph(api);
    await loadDocumentsFromPath(api.db, SEED_DIR, logger);
  }
  return {
    url: api.url.replace('localhost', '127.0.0.1'),
    api,
    query: (query, variables, headers) => graphql(api.url, query, variables, headers),
    stop: () => api.stop(),
  };
}

/** Deletes every node and relationship (the schema stays). */
export async function resetGraph(api: RunningApi): Promise<void> {
  await api.db.write((tx) => tx.run({ cypher: 'MATCH (n) DETACH DELETE n', params: {} }));
}

/** Node and relationship totals, to prove that something changed nothing. */
export async function graphCounts(api: RunningApi): Promise<{ nodes: number; relationships: number }> {
  const rows = await api.db.read({
    cypher:
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    params: {},
  });
  return { nodes: rows[0].nodes as number, relationships: rows[0].relationships as number };
}
