/**
 * Soak: mixed reads and writes at fixed concurrency for a given time against a running API,
 * sampled in windows. Healthy means: no unexpected errors, memory, transactions and Neo4j
 * connections back near their baseline when the load stops, and latency that does not drift upward.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { RunningApi } from '../../src/api';
import { LatencyHistogram, percentile, runMixedLoad, type Outcome } from './mixed-load';

/**
 * Statement ids the soak's writes cycle through. A soak looks for leaks and drift in the server;
 * with every write adding a statement, the graph grows by tens of thousands of statements in half
 * an hour, and `statements(first: 20)` (ordered by a date that may be null, so sorted whole) slows
 * with it: a 20-minute run drifted 1.5x that way. See docs/reliability.md.
 */
const SOAK_WRITE_IDS = 1000;

export interface SoakWindow {
  second: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

/**
 * Resources measured with the load stopped. Memory is this process's after a full GC: the API runs
 * in-process, so it also holds the load clients (and, under jest, jest itself). Connections are
 * counted by the Neo4j server, so they are the API's as the database sees them, not the driver's
 * own bookkeeping (which neo4j-driver does not expose).
 */
export interface ResourceSample {
  /** V8 heap in use, and reserved (V8 keeps freed heap pages for a while). */
  heapMb: number;
  heapTotalMb: number;
  /** Resident memory of the whole process: heap, code, buffers, and what the C allocator keeps. */
  rssMb: number;
  /** Memory outside the V8 heap held by JavaScript objects (Buffers, ArrayBuffers). */
  externalMb: number;
  /** Transactions open on the server, apart from the one taking the sample. */
  openTransactions: number;
  /** Bolt connections open on the server (the API's pool, idle ones included, and the sample's own). */
  boltConnections: number;
  /** Bolt connections holding an open transaction, apart from the one taking the sample. */
  connectionsInUse: number;
}

export interface SoakReport {
  seconds: number;
  concurrency: number;
  requests: number;
  unexpectedErrors: string[];
  windows: SoakWindow[];
  baseline: ResourceSample;
  /** The most seen in samples taken once a second under load: shows the measures see live use. */
  peakUnderLoad: Pick<ResourceSample, 'openTransactions' | 'boltConnections' | 'connectionsInUse'>;
  after: ResourceSample;
  drift: number;
}

/** What "back near its baseline" allows; the script and the CI test share these. */
export const SOAK_LIMITS = {
  /** V8 heap used after a full GC may grow by this much: the main leak signal. */
  heapGrowthMb: 50,
  /**
   * Memory outside the V8 heap that JavaScript objects hold (Buffers: sockets, Bolt messages) may
   * grow by this much after a full GC: the leak signal for native memory. Resident memory is only
   * reported, not judged: it also counts what V8 and the C allocator keep after freeing, which is
   * noise here (a 20 s CI soak saw RSS +196 MB while the heap grew 3 MB; 60 s runs +20 and +121 MB).
   */
  externalGrowthMb: 50,
};

/**
 * The most Bolt connections the pool may keep once the load stops. The driver keeps idle
 * connections open for reuse, so the pool settles at the most sessions that were open at once.
 * Each request of this load runs one statement at a time (measured: at concurrency 1 the API never
 * had two database calls open at once), so that is one per client plus one for the sampler that
 * runs alongside the load. A leaked connection is never reused: once the clients need all of theirs,
 * each leak adds one past this.
 */
export function connectionCeiling(concurrency: number): number {
  return concurrency + 1;
}

const gc = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

async function connections(
  api: RunningApi,
): Promise<Pick<ResourceSample, 'openTransactions' | 'boltConnections' | 'connectionsInUse'>> {
  // Everything but the SHOW itself, and its connection.
  const [transactions] = await api.db.read({
    cypher: `SHOW TRANSACTIONS YIELD transactionId, connectionId
             RETURN count(*) - 1 AS open, count(DISTINCT connectionId) - 1 AS inUse`,
    params: {},
  });
  const [bolt] = await api.db.read({
    cypher: `CALL dbms.listConnections() YIELD connector WHERE connector = 'bolt' RETURN count(*) AS open`,
    params: {},
  });
  return {
    openTransactions: transactions.open as number,
    connectionsInUse: transactions.inUse as number,
    boltConnections: bolt.open as number,
  };
}

async function memory(): Promise<Pick<ResourceSample, 'heapMb' | 'heapTotalMb' | 'rssMb' | 'externalMb'>> {
  // Twice, with a turn of the event loop between, so objects freed by finalizers go too.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const usage = process.memoryUsage();
  return {
    heapMb: usage.heapUsed / 1e6,
    heapTotalMb: usage.heapTotal / 1e6,
    rssMb: usage.rss / 1e6,
    externalMb: usage.external / 1e6,
  };
}

async function sample(api: RunningApi): Promise<ResourceSample> {
  return { ...(await memory()), ...(await connections(api)) };
}

/** Why a soak is unhealthy, one line per reason; empty when it is healthy. */
export function soakProblems(report: SoakReport, maxDrift: number): string[] {
  const { baseline, after } = report;
  const problems: string[] = [];
  if (report.unexpectedErrors.length > 0)
    problems.push(`${report.unexpectedErrors.length} unexpected errors`);
  if (after.heapMb >= baseline.heapMb + SOAK_LIMITS.heapGrowthMb)
    problems.push(`heap grew by ${(after.heapMb - baseline.heapMb).toFixed(0)} MB`);
  if (after.externalMb >= baseline.externalMb + SOAK_LIMITS.externalGrowthMb)
    problems.push(
      `memory outside the heap grew by ${(after.externalMb - baseline.externalMb).toFixed(0)} MB`,
    );
  if (after.openTransactions > baseline.openTransactions)
    problems.push(`${after.openTransactions} transactions still open`);
  if (after.connectionsInUse > baseline.connectionsInUse)
    problems.push(`${after.connectionsInUse} connections still in use`);
  if (after.boltConnections > connectionCeiling(report.concurrency))
    problems.push(`${after.boltConnections} Bolt connections open`);
  if (report.drift >= maxDrift) problems.push(`latency drifted up by ${report.drift.toFixed(2)}x`);
  return problems;
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
    runId: 'soak',
    writeIds: SOAK_WRITE_IDS,
    maxRequests: 200,
  });
  const baseline = await sample(options.api);
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const peakUnderLoad = { openTransactions: 0, boltConnections: 0, connectionsInUse: 0 };
  const sampler = (async () => {
    while (Date.now() < deadline) {
      const now = await connections(options.api);
      peakUnderLoad.openTransactions = Math.max(peakUnderLoad.openTransactions, now.openTransactions);
      peakUnderLoad.boltConnections = Math.max(peakUnderLoad.boltConnections, now.boltConnections);
      peakUnderLoad.connectionsInUse = Math.max(peakUnderLoad.connectionsInUse, now.connectionsInUse);
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, deadline - Date.now()))));
    }
  })();
  // A failed sample is reported where the sampler is awaited, after the load, not as unhandled.
  sampler.catch(() => {});
  // Answers are counted into windows (by when they arrived) as they come, not kept: this process
  // is the one whose memory the soak judges.
  const windowCount = Math.ceil((deadline - started) / windowMs);
  const tallies = Array.from({ length: windowCount }, () => ({ errors: 0, latency: new LatencyHistogram() }));
  const unexpectedErrors: string[] = [];
  let requests = 0;
  const failed = (o: Outcome) => o.status !== 200 || o.codes.length > 0;
  await runMixedLoad({
    url: options.url,
    concurrency: options.concurrency,
    writeShare: 0.2,
    editorKey: options.editorKey,
    until: () => Date.now() >= deadline,
    runId: 'soak',
    writeIds: SOAK_WRITE_IDS,
    keepOutcomes: false,
    onOutcome: (o) => {
      requests += 1;
      if (failed(o)) unexpectedErrors.push(`${o.kind} ${o.status} ${o.codes.join(',')}`);
      const tally = tallies[Math.floor((o.at - started) / windowMs)];
      if (!tally) return; // answered after the deadline: counted, but in no window
      tally.latency.add(o.ms);
      if (failed(o)) tally.errors += 1;
    },
  });
  await sampler;
  const windows: SoakWindow[] = tallies.flatMap((tally, index) =>
    tally.latency.count === 0
      ? []
      : [
          {
            second: Math.round(((index + 1) * windowMs) / 1000),
            requests: tally.latency.count,
            errors: tally.errors,
            p50: tally.latency.percentile(50),
            p99: tally.latency.percentile(99),
          },
        ],
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await sample(options.api);
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
    concurrency: options.concurrency,
    requests,
    unexpectedErrors,
    windows,
    baseline,
    peakUnderLoad,
    after,
    drift,
  };
}

function resourceTrail(report: SoakReport, key: keyof SoakReport['peakUnderLoad']): string {
  return `${report.baseline[key]} -> ${report.peakUnderLoad[key]} -> ${report.after[key]}`;
}

export function formatSoak(report: SoakReport): string {
  const lines = [
    `soak: ${report.requests} requests in ${report.seconds} s (${(report.requests / report.seconds).toFixed(0)}/s), ${report.unexpectedErrors.length} unexpected errors`,
    `  after a full GC: heap used ${report.baseline.heapMb.toFixed(0)} -> ${report.after.heapMb.toFixed(0)} MB ` +
      `(reserved ${report.baseline.heapTotalMb.toFixed(0)} -> ${report.after.heapTotalMb.toFixed(0)} MB), ` +
      `outside the heap ${report.baseline.externalMb.toFixed(0)} -> ${report.after.externalMb.toFixed(0)} MB, ` +
      `RSS ${report.baseline.rssMb.toFixed(0)} -> ${report.after.rssMb.toFixed(0)} MB (reported, not judged)`,
    `  Neo4j (baseline -> peak under load -> after): open transactions ${resourceTrail(report, 'openTransactions')}, ` +
      `connections in use ${resourceTrail(report, 'connectionsInUse')}, ` +
      `Bolt connections open ${resourceTrail(report, 'boltConnections')} (ceiling ${connectionCeiling(report.concurrency)})`,
    `  latency drift (median p50, last quarter / first quarter): ${report.drift.toFixed(2)}`,
    '  window(s)  requests  errors  p50 ms  p99 ms',
    ...report.windows.map(
      (w) =>
        `  ${String(w.second).padStart(9)}  ${String(w.requests).padStart(8)}  ${String(w.errors).padStart(6)}  ${w.p50.toFixed(1).padStart(6)}  ${w.p99.toFixed(1).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}
