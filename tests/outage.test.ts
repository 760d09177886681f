/**
 * Neo4j going away under a running API: liveness stays green, readiness and queries report the
 * outage with SERVICE_UNAVAILABLE (no driver text), and the API recovers on its own when Neo4j returns.
 * Uses its own Neo4j so stopping it can't disturb other suites.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from '../src/graph/local-neo4j';
import { errorCodes } from './helpers/graphql';
import { startTestApi, type TestApi } from './helpers/start-api';

const QUERY = '{ nations(first: 3) { totalCount nodes { id name } } }';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('database outage', () => {
  let dataDir: string;
  let port: number;
  let neo4j: LocalNeo4j;
  let api: TestApi;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'outage-neo4j-'));
    port = await findFreePort();
    neo4j = await startLocalNeo4j({ port, dataDir, heapMb: 256, pageCacheMb: 32 });
    api = await startTestApi({ neo4jUri: neo4j.uri });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers before the outage', async () => {
    const response = await api.query<{ nations: { totalCount: number } }>(QUERY);
    expect(response.errors).toBeUndefined();
    expect(response.data?.nations.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
  });

  it('reports the outage without leaking driver text, then recovers without a restart', async () => {
    await neo4j.stop();

    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);

    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'Neo4j does not answer' });

    const during = await api.query(QUERY);
    expect(errorCodes(during)).toEqual(['SERVICE_UNAVAILABLE']);
    const text = JSON.stringify(during);
    expect(text).not.toMatch(/ECONNREFUSED|Neo4jError|driver|bolt:|stack|at .*\.js/i);

    neo4j = await startLocalNeo4j({ port, dataDir, heapMb: 256, pageCacheMb: 32 });
    const recoveryMs = await waitFor(async () => {
      const response = await api.query(QUERY);
      return response.errors === undefined;
    }, 30_000);
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
    process.stdout.write(`outage recovery after Neo4j restart: ${recoveryMs} ms\n`);
  }, 180_000);
});
