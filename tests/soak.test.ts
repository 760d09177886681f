/**
 * A short soak (the CI version of `npm run soak`): no unexpected errors; memory, transactions and
 * Neo4j connections back near their baseline when the load stops; no latency drift.
 */
import { connectionCeiling, formatSoak, runSoak, SOAK_LIMITS } from '../scripts/lib/soak';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

describe('soak (short)', () => {
  let api: TestApi;
  const keys = testKeys();
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env, RATE_LIMIT_PER_MINUTE: '100000000' } });
  });
  afterAll(() => api.stop());

  it('runs 20 s of mixed load cleanly and gives back what it used', async () => {
    const concurrency = 6;
    const report = await runSoak({
      api: api.api,
      url: api.url,
      editorKey: keys.editor,
      seconds: 20,
      concurrency,
      windowSeconds: 4,
    });
    process.stdout.write(`${formatSoak(report)}\n`);
    const { baseline, peakUnderLoad, after } = report;

    expect(report.unexpectedErrors).toEqual([]);
    expect(report.requests).toBeGreaterThan(100);

    // The server-side measures see the load (so they can see a leak), and it is all given back:
    // no transaction left open, no connection still held, the pool no larger than the load explains.
    expect(peakUnderLoad.connectionsInUse).toBeGreaterThan(0);
    expect(after.openTransactions).toBeLessThanOrEqual(baseline.openTransactions);
    expect(after.connectionsInUse).toBeLessThanOrEqual(baseline.connectionsInUse);
    expect(after.boltConnections).toBeGreaterThan(0);
    expect(after.boltConnections).toBeLessThanOrEqual(connectionCeiling(concurrency));

    // Memory after a full GC (this jest process: API, load clients and jest), on the V8 heap and
    // in Buffers outside it. RSS is printed but not judged (see SOAK_LIMITS).
    expect(after.heapMb).toBeLessThan(baseline.heapMb + SOAK_LIMITS.heapGrowthMb);
    expect(after.externalMb).toBeLessThan(baseline.externalMb + SOAK_LIMITS.externalGrowthMb);

    expect(report.drift).toBeLessThan(2);
  }, 120_000);
});
