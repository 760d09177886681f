/**
 * `npm run fuzz -- [--count N] [--seed S]`: fuzzes an API started here (on the local Neo4j or
 * NEO4J_URI, with the seed loaded) in two rounds of N/2 and prints the statuses seen and the heap
 * after a full GC after each round; exit 1 on any failure or if round 2 grew the heap by more than
 * 20 MB (round 1 lets caches and pools reach their working size; RSS rarely shrinks, so the heap is
 * the measure of "flat").
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fuzzServer } from './lib/fuzz';
import { buildApiSchema } from '../src/server/schema';
import { startScriptApi } from './lib/script-api';

async function main() {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
  });
  const { api, url, stop } = await startScriptApi();
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heapAfterGc = () => {
      gc();
      return process.memoryUsage().heapUsed / 1e6;
    };
    const schema = await buildApiSchema();
    const started = Date.now();
    const heapBefore = heapAfterGc();
    const half = Math.ceil(Number(values.count) / 2);
    const first = await fuzzServer(url, schema, half, Number(values.seed));
    const heapAfterFirst = heapAfterGc();
    const second = await fuzzServer(url, schema, half, Number(values.seed) + 1);
    const heapAfterSecond = heapAfterGc();
    const seconds = (Date.now() - started) / 1000;
    const failures = [...first.failures, ...second.failures];
    const growth = heapAfterSecond - heapAfterFirst;
    process.stdout.write(
      `fuzz: ${first.requests + second.requests} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(first.byStatus)} + ${JSON.stringify(second.byStatus)}, ` +
        `heap after GC ${heapBefore.toFixed(0)} -> ${heapAfterFirst.toFixed(0)} -> ${heapAfterSecond.toFixed(0)} MB (round 2: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB), ` +
        `RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, ${failures.length} failures\n`,
    );
    for (const failure of failures.slice(0, 20)) process.stdout.write(`  ${failure}\n`);
    if (growth > 20) process.stdout.write('memory not flat: round 2 grew the heap by more than 20 MB\n');
    void api;
    process.exitCode = failures.length > 0 || growth > 20 ? 1 : 0;
  } finally {
    await stop();
  }
}

void main();
