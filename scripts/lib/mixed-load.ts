/**
 * A bounded mixed read/write load against a running API, used by the soak script, the outage test
 * and the reliability doc. Each worker loops until `until()` says stop; every response is recorded
 * with its outcome so callers can check what was acknowledged.
 */
import { performance } from 'node:perf_hooks';

const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';

const READS = [
  '{ positions(filter: { stance: [STRESSES], topic: "US involvement" }) { nodes { holder { name } evidence { excerpt } } } }',
  '{ meetings(filter: { participant: "nation:gbr" }) { totalCount nodes { title chairs { name } } } }',
  '{ search(text: "Healey") { score node { id } } }',
  '{ statements(first: 20) { nodes { text speaker { name } } } }',
  '{ timeline(actor: "nation:gbr") { totalCount } }',
];

const WRITE = `mutation Record($input: StatementInput!) { recordStatement(input: $input) { id } }`;

export interface Outcome {
  kind: 'read' | 'write';
  /** When the request was sent and when its answer arrived (epoch ms). */
  startedAt: number;
  at: number;
  ms: number;
  status: number;
  codes: string[];
  /** For writes: the statement id the client asked for. */
  id?: string;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  /** Share of requests that are writes, 0..1. */
  writeShare: number;
  editorKey: string;
  until: () => boolean;
  runId: string;
  /** Bounded: never more than this many requests in total. */
  maxRequests?: number;
  /**
   * Writes cycle through this many statement ids (repeats are idempotent upserts), so a long run
   * keeps the graph at a steady size and its latency measures the server, not a growing graph.
   * Unset: every write records a new statement.
   */
  writeIds?: number;
  /** Called with each answer as it arrives (e.g. to wait until enough writes have landed). */
  onOutcome?: (outcome: Outcome) => void;
  /**
   * Keep every outcome and return them (default). A long soak turns this off and aggregates in
   * onOutcome instead: 689,000 kept outcomes were 126 MB of heap in the process it measures.
   */
  keepOutcomes?: boolean;
}

export async function runMixedLoad(options: LoadOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let sequence = 0;
  const max = options.maxRequests ?? 1_000_000;
  async function worker(workerId: number) {
    while (!options.until() && sequence < max) {
      const n = (sequence += 1);
      const write = (n * 7919) % 100 < options.writeShare * 100;
      const id = options.writeIds
        ? `statement:${options.runId}-${n % options.writeIds}`
        : `statement:${options.runId}-${workerId}-${n}`;
      const body = write
        ? {
            query: WRITE,
            variables: {
              input: {
                id,
                kind: 'PARAPHRASE',
                text: `Load statement ${id}.`,
                speaker: 'official:pal-jonson',
                date: '2025-04-10',
                evidence: [{ source: SOURCE, excerpt: EXCERPT }],
              },
            },
          }
        : { query: READS[n % READS.length] };
      const started = performance.now();
      const startedAt = Date.now();
      let status = 0;
      let codes: string[] = [];
      try {
        const response = await fetch(`${options.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.editorKey}` },
          body: JSON.stringify(body),
        });
        status = response.status;
        const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        codes = (json.errors ?? []).map((error) => String(error.extensions?.code));
      } catch (error) {
        codes = [`NETWORK:${(error as Error).message}`];
      }
      const outcome: Outcome = {
        kind: write ? 'write' : 'read',
        startedAt,
        at: Date.now(),
        ms: performance.now() - started,
        status,
        codes,
        id: write ? id : undefined,
      };
      if (options.keepOutcomes !== false) outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  return outcomes;
}

/**
 * Latencies counted in buckets 1 % apart (from 0.01 ms): constant memory however long a run is,
 * percentiles within 1 %.
 */
export class LatencyHistogram {
  private static readonly STEP = Math.log(1.01);
  private readonly buckets = new Map<number, number>();
  count = 0;

  add(ms: number): void {
    const bucket = Math.max(0, Math.ceil(Math.log(Math.max(ms, 0.01) / 0.01) / LatencyHistogram.STEP));
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    this.count += 1;
  }

  /** The upper bound of the bucket holding the p-th percentile, as `percentile` ranks it. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.min(this.count - 1, Math.floor((p / 100) * this.count));
    let seen = 0;
    for (const bucket of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(bucket)!;
      if (seen > rank) return 0.01 * Math.exp(bucket * LatencyHistogram.STEP);
    }
    return 0;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
