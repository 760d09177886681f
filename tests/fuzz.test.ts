/**
 * A few thousand schema-driven random operations (fixed seed) and malformed HTTP requests: no 5xx,
 * no unmasked error, the server stays up and its memory stays flat. `npm run fuzz` runs more.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { fuzzServer } from '../scripts/lib/fuzz';
import { buildApiSchema } from '../src/server/schema';
import { startTestApi, type TestApi } from './helpers/start-api';

describe('fuzzing', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
  });
  afterAll(() => api.stop());

  it('survives 3000 random operations and malformed requests', async () => {
    const schema = await buildApiSchema();
    // Two rounds: the first lets caches, pools and the heap reach their working size; memory is
    // flat when the second round, as long again, adds little on top of the first.
    // RSS rarely shrinks, so the heap after a full collection is the measure of "flat".
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const first = await fuzzServer(api.url, schema, 1500, 42);
    gc();
    const afterFirst = process.memoryUsage().heapUsed;
    const second = await fuzzServer(api.url, schema, 1500, 43);
    gc();
    const growthMb = (process.memoryUsage().heapUsed - afterFirst) / 1024 / 1024;
    process.stdout.write(
      `fuzz: ${first.requests + second.requests} requests, statuses ${JSON.stringify(first.byStatus)} + ${JSON.stringify(second.byStatus)}, ` +
        `heap ${(afterFirst / 1e6).toFixed(0)} MB after round 1, growth in round 2 ${growthMb.toFixed(1)} MB\n`,
    );
    expect([...first.failures, ...second.failures]).toEqual([]);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect(growthMb).toBeLessThan(20);
  }, 600_000);
});
