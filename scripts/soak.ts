/**
 * `npm run soak -- --minutes 30 [--concurrency 8]`: mixed reads and writes against an API started
 * here; prints windows of throughput and latency, memory, transactions and Neo4j connections before
 * and after. Exit 1 on unexpected errors, memory, transactions or connections not back near their
 * baseline, or latency drifting upward.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatSoak, runSoak, soakProblems } from './lib/soak';
import { startScriptApi } from './lib/script-api';

async function main() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  const seconds = values.seconds ? Number(values.seconds) : Number(values.minutes ?? '1') * 60;
  const { api, url, editorKey, stop } = await startScriptApi();
  try {
    const report = await runSoak({
      api,
      url,
      editorKey,
      seconds,
      concurrency: Number(values.concurrency),
      windowSeconds: seconds >= 600 ? 60 : 5,
    });
    process.stdout.write(`${formatSoak(report)}\n`);
    const problems = soakProblems(report, 1.5);
    process.stdout.write(problems.length === 0 ? 'healthy\n' : `UNHEALTHY: ${problems.join('; ')}\n`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    await stop();
  }
}

void main();
