/** A short soak (the CI version of `npm run soak`): no unexpected errors, memory and transactions back to baseline, no drift. */
import { formatSoak, runSoak } from '../scripts/lib/soak';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

describe('soak (short)', () => {
  let api: TestApi;
  const keys = testKeys();
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env, RATE_LIMIT_PER_MINUTE: '100000000' } });
  });
  afterAll(() => api.stop());

  it('runs 20 s of mixed load cleanly', async () => {
    const report = await runSoak({
      api: api.api,
      url: api.url,
      editorKey: keys.editor,
      seconds: 20,
      concurrency: 6,
      windowSeconds: 4,
    });
    process.stdout.write(`${formatSoak(report)}\n`);
    expect(report.unexpectedErrors).toEqual([]);
    expect(report.requests).toBeGreaterThan(100);
    expect(report.after.openTransactions).toBeLessThanOrEqual(report.baseline.openTransactions);
    expect(report.after.heapMb).toBeLessThan(report.baseline.heapMb + 50);
    expect(report.drift).toBeLessThan(2);
  }, 120_000);
});
