/**
 * `npm run fuzz -- [--count N] [--seed S]`: fuzzes an API started here (on the local Neo4j or
 * NEO4J_URI, with the seed loaded) and prints the statuses seen; exit 1 on any failure.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { fuzzServer } from './lib/fuzz';
import { buildApiSchema } from '../src/server/schema';
import { startScriptApi } from './lib/script-api';

async function main() {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
  });
  const { api, url, stop } = await startScriptApi();
  try {
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    const report = await fuzzServer(url, await buildApiSchema(), Number(values.count), Number(values.seed));
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `fuzz: ${report.requests} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(report.byStatus)}, ` +
        `RSS ${(rssBefore / 1e6).toFixed(0)} -> ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, ${report.failures.length} failures\n`,
    );
    for (const failure of report.failures.slice(0, 20)) process.stdout.write(`  ${failure}\n`);
    void api;
    process.exitCode = report.failures.length > 0 ? 1 : 0;
  } finally {
    await stop();
  }
}

void main();
