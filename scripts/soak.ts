/**
 * `npm run soak -- --minutes 30 [--concurrency 8]`: mixed reads and writes against an API started
 * here; prints windows of throughput and latency, memory and open transactions before and after.
 * Exit 1 on unexpected errors, memory not back near baseline, or latency drifting upward.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatSoak, runSoak } from './lib/soak';
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
    const healthy =
      report.unexpectedErrors.length === 0 &&
      report.after.heapMb < report.baseline.heapMb + 50 &&
      report.after.openTransactions <= report.baseline.openTransactions &&
      report.drift < 1.5;
    process.exitCode = healthy ? 0 : 1;
  } finally {
    await stop();
  }
}

void main();
