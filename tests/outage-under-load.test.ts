/**
 * Neo4j stops in the middle of mixed reads and writes and comes back: the API never exits, answers
 * only SERVICE_UNAVAILABLE while it is down, recovers on its own, and no acknowledged write is lost
 * or any failed one half-applied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMixedLoad } from '../scripts/lib/mixed-load';
import { findFreePort } from '../src/local-neo4j/free-port';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/launcher';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outage under load', () => {
  let dataDir: string;
  let neo4j: LocalNeo4j;
  let api: TestApi;
  const keys = testKeys();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'outage-load-'));
    neo4j = await startLocalNeo4j({ port: await findFreePort(), dataDir, heapMb: 256, pageCacheMb: 32 });
    api = await startTestApi({
      neo4jUri: neo4j.uri,
      env: { API_KEYS: keys.env, RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and recovers without a restart', async () => {
    let stop = false;
    let acknowledgedBeforeOutage = 0;
    const load = runMixedLoad({
      url: api.url,
      concurrency: 4,
      writeShare: 0.3,
      editorKey: keys.editor,
      until: () => stop,
      runId: 'outage',
      onOutcome: (outcome) => {
        if (outcome.kind === 'write' && outcome.status === 200 && outcome.codes.length === 0) {
          acknowledgedBeforeOutage += 1;
        }
      },
    });

    // At least 3 s of load, and enough acknowledged writes that losing one would show (a busy
    // machine may need longer to get there).
    const loadStarted = Date.now();
    await sleep(3000);
    while (acknowledgedBeforeOutage < 12 && Date.now() - loadStarted < 30_000) await sleep(200);
    await neo4j.stop();
    const downAt = Date.now();
    await sleep(8000);
    const readyDuring = (await fetch(`${api.url}/ready`)).status;
    const healthDuring = (await fetch(`${api.url}/health`)).status;
    const restartAt = Date.now();
    neo4j = await startLocalNeo4j({ port: neo4j.port, dataDir, heapMb: 256, pageCacheMb: 32 });
    const upAt = Date.now();
    // Recovery: the first successful read after Neo4j answers again.
    let recoveredAt = 0;
    while (Date.now() - upAt < 30_000) {
      const response = await api.query('{ nations { totalCount } }');
      if (!response.errors) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    await sleep(2000);
    stop = true;
    const outcomes = await load;

    expect(readyDuring).toBe(503);
    expect(healthDuring).toBe(200);
    expect(recoveredAt).toBeGreaterThan(0);

    // While Neo4j was down (after the stop finished, before the restart began) every answer is SERVICE_UNAVAILABLE.
    const during = outcomes.filter((o) => o.startedAt > downAt && o.at < restartAt);
    expect(during.length).toBeGreaterThan(0);
    const unexpected = during.filter((o) => o.codes.length !== 1 || o.codes[0] !== 'SERVICE_UNAVAILABLE');
    expect(unexpected).toEqual([]);
    expect(outcomes.every((o) => o.status < 500 || o.codes.includes('SERVICE_UNAVAILABLE'))).toBe(true);

    // Every acknowledged write is there; every failed one is either absent or whole.
    const acknowledged = outcomes
      .filter((o) => o.kind === 'write' && o.status === 200 && o.codes.length === 0)
      .map((o) => o.id!);
    const failed = outcomes
      .filter((o) => o.kind === 'write' && (o.status !== 200 || o.codes.length > 0))
      .map((o) => o.id!);
    const rows = await api.api.db.read({
      cypher: `UNWIND $ids AS id OPTIONAL MATCH (s:Statement {id: id})
               RETURN id, s IS NOT NULL AS present, COUNT { (s)<-[:SAID]-() } AS said, COUNT { (s)-[:EVIDENCED_BY]->() } AS evidence`,
      params: { ids: [...acknowledged, ...failed] },
    });
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    const lost = acknowledged.filter((id) => !byId.get(id)?.present);
    const halfApplied = [...acknowledged, ...failed].filter((id) => {
      const row = byId.get(id)!;
      return row.present && (row.said !== 1 || row.evidence !== 1);
    });
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(lost).toEqual([]);
    expect(halfApplied).toEqual([]);
    process.stdout.write(
      `outage under load: ${outcomes.length} requests, ${acknowledged.length} acknowledged writes, ${failed.length} failed writes, ` +
        `${during.length} answers while down (all SERVICE_UNAVAILABLE), recovery ${recoveredAt - upAt} ms after Neo4j was ready (${recoveredAt - restartAt} ms after restart began)\n`,
    );
    // Back within seconds of Neo4j being ready (usually under 1 s); the bound leaves room for a busy machine.
    expect(recoveredAt - upAt).toBeLessThan(10_000);
  }, 180_000);
});
