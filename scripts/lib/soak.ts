/**
 * Soak: mixed reads and writes at fixed concurrency for a given time against a running API,
 * sampled in windows. Healthy means: no unexpected errors, memory and open transactions back to
 * their baseline when the load stops, and latency that does not drift upward.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { RunningApi } from '../../src/api';
import { percentile, runMixedLoad } from './mixed-load';

export interface SoakWindow {
  second: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface SoakReport {
  seconds: number;
  requests: number;
  unexpectedErrors: string[];
  windows: SoakWindow[];
  baseline: { heapMb: number; rssMb: number; openTransactions: number };
  after: { heapMb: number; rssMb: number; openTransactions: number };
  drift: number;
}

const gc = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

async function openTransactions(api: RunningApi): Promise<number> {
  // Everything but the SHOW itself.
  const rows = await api.db.read({
    cypher: 'SHOW TRANSACTIONS YIELD transactionId RETURN count(*) - 1 AS open',
    params: {},
  });
  return rows[0].open as number;
}

function memory() {
  gc();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 1e6, rssMb: usage.rss / 1e6 };
}

export async function runSoak(options: {
  api: RunningApi;
  url: string;
  editorKey: string;
  seconds: number;
  concurrency: number;
  windowSeconds?: number;
}): Promise<SoakReport> {
  const windowMs = (options.windowSeconds ?? 5) * 1000;
  // Warm-up, so the baseline is the working size rather than a cold start.
  await runMixedLoad({
    url: options.url,
    concurrency: options.concurrency,
    writeShare: 0.2,
    editorKey: options.editorKey,
    until: () => false,
    runId: 'soak-warm',
    maxRequests: 200,
  });
  const baseline = { ...memory(), openTransactions: await openTransactions(options.api) };
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const all = await runMixedLoad({
    url: options.url,
    concurrency: options.concurrency,
    writeShare: 0.2,
    editorKey: options.editorKey,
    until: () => Date.now() >= deadline,
    runId: `soak-${started}`,
  });
  // Windows are cut from the answers' timestamps after the run.
  const windows: SoakWindow[] = [];
  for (let from = started; from < deadline; from += windowMs) {
    const inWindow = all.filter((o) => o.at >= from && o.at < from + windowMs);
    if (inWindow.length === 0) continue;
    windows.push({
      second: Math.round((from + windowMs - started) / 1000),
      requests: inWindow.length,
      errors: inWindow.filter((o) => o.status !== 200 || o.codes.length > 0).length,
      p50: percentile(
        inWindow.map((o) => o.ms),
        50,
      ),
      p99: percentile(
        inWindow.map((o) => o.ms),
        99,
      ),
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = { ...memory(), openTransactions: await openTransactions(options.api) };
  const unexpectedErrors = all
    .filter((o) => o.status !== 200 || o.codes.length > 0)
    .map((o) => `${o.kind} ${o.status} ${o.codes.join(',')}`);
  // Drift: the median latency of the last quarter over that of the first quarter.
  const quarter = Math.max(1, Math.floor(windows.length / 4));
  const median = (items: SoakWindow[]) =>
    percentile(
      items.map((w) => w.p50),
      50,
    );
  const drift = median(windows.slice(-quarter)) / Math.max(0.001, median(windows.slice(0, quarter)));
  return {
    seconds: options.seconds,
    requests: all.length,
    unexpectedErrors,
    windows,
    baseline,
    after,
    drift,
  };
}

export function formatSoak(report: SoakReport): string {
  const lines = [
    `soak: ${report.requests} requests in ${report.seconds} s (${(report.requests / report.seconds).toFixed(0)}/s), ${report.unexpectedErrors.length} unexpected errors`,
    `  heap ${report.baseline.heapMb.toFixed(0)} -> ${report.after.heapMb.toFixed(0)} MB, RSS ${report.baseline.rssMb.toFixed(0)} -> ${report.after.rssMb.toFixed(0)} MB, open transactions ${report.baseline.openTransactions} -> ${report.after.openTransactions}`,
    `  latency drift (median p50, last quarter / first quarter): ${report.drift.toFixed(2)}`,
    '  window(s)  requests  errors  p50 ms  p99 ms',
    ...report.windows.map(
      (w) =>
        `  ${String(w.second).padStart(9)}  ${String(w.requests).padStart(8)}  ${String(w.errors).padStart(6)}  ${w.p50.toFixed(1).padStart(6)}  ${w.p99.toFixed(1).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}
