/**
 * Starts one local Neo4j for the whole test run, on a free port with a temporary data directory,
 * unless NEO4J_URI points at an existing one. Workers find it through process.env.NEO4J_URI.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/launcher';

declare global {
  var __TEST_NEO4J__: { neo4j: LocalNeo4j; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'diplomacy-test-neo4j-'));
  const started = Date.now();
  const neo4j = await startLocalNeo4j({ dataDir, heapMb: 768, pageCacheMb: 128 });
  process.stdout.write(`\nlocal Neo4j for tests at ${neo4j.uri} (ready in ${Date.now() - started} ms)\n`);
  process.env.NEO4J_URI = neo4j.uri;
  globalThis.__TEST_NEO4J__ = { neo4j, dataDir };
}
