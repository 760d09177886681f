/**
 * The analyst outputs on a generated graph: a monthly time series over a year for one nation, and a
 * full CSV export of statements, each with its time and our API's resident memory while it runs.
 * Run it at both scales: the export's memory must not grow with the graph, so the two results are
 * printed side by side once both exist.
 *
 *   npm run bench:analyst -- --scale small --data-dir /tmp/bench-small
 *   npm run bench:analyst -- --scale large --data-dir /tmp/bench-large   # about 1,300,000 nodes
 *
 * Figures are what the client sees over real HTTP from the compiled API in production mode.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createKey } from '../src/auth/api-keys';
import { findFreePort } from '../src/local-neo4j/free-port';
import { scriptDatabase } from '../scripts/lib/script-db';
import { rssMb } from './cpu';
import { SCALES, buildOurs, startGraph, startOurs, waitReady } from './servers';

const TIME_SERIES_RUNS = 5;

interface AnalystResult {
  scale: string;
  heapCapMb: number | null;
  nodes: number;
  relationships: number;
  statements: number;
  nation: { id: string; facts: number };
  timeSeries: { from: string; to: string; buckets: number; total: number; ms: number[]; medianMs: number };
  export: {
    rows: number;
    bytes: number;
    seconds: number;
    firstByteMs: number;
    rssBeforeMb: number;
    rssPeakMb: number;
  };
  apiRssPeakMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Counts CSV records (RFC 4180: a newline inside quotes does not end one) as the bytes stream by. */
function recordCounter() {
  let quoted = false;
  let records = 0;
  return {
    push(chunk: Buffer) {
      for (const byte of chunk) {
        if (byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted) records += 1;
      }
    },
    get records() {
      return records;
    },
  };
}

/** Samples the API's resident memory every 50 ms while `work` runs; returns its peak. */
async function withRssPeak<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = rssMb(pid).current;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid).current)), 50);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peakMb, rssMb(pid).current) };
  } finally {
    clearInterval(timer);
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      // Caps the API's V8 old space: an export that completes under a cap smaller than itself
      // shows its memory is bounded, whatever RSS the collector lets grow without one.
      'heap-cap-mb': { type: 'string' },
    },
  });
  const scale = values.scale as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error('--scale must be small or large');
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : mkdtempSync(path.join(os.tmpdir(), 'bench-analyst-'));
  const graph = await startGraph(scale, dataDir);
  process.stdout.write(`graph: ${graph.nodes} nodes, ${graph.relationships} relationships\n`);
  const db = scriptDatabase(graph.neo4j.uri);
  buildOurs();
  const port = await findFreePort();
  const reader = createKey('bench-analyst', 'reader');
  const heapCapMb = values['heap-cap-mb'] ? Number(values['heap-cap-mb']) : undefined;
  const api = await startOurs(
    graph.neo4j,
    port,
    reader.entry,
    heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [],
  );
  api.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${reader.key}` };
  try {
    await waitReady(url);
    // The nation with the most meetings (its officials' included), and the year up to its last one.
    const [busiest] = await db.read({
      cypher: `MATCH (n:Nation) WHERE n.retractedAt IS NULL
        CALL (n) {
          MATCH (n)<-[:NATIONAL_OF*0..1]-(a:Actor)-[:ATTENDED|CHAIRED]->(m:Meeting) WHERE m.retractedAt IS NULL
          RETURN count(DISTINCT m) AS facts, max(m.date) AS last }
        RETURN n.id AS id, facts, last ORDER BY facts DESC, id LIMIT 1`,
      params: {},
    });
    const [{ statements }] = await db.read({
      cypher: 'MATCH (s:Statement) WHERE s.retractedAt IS NULL RETURN count(s) AS statements',
      params: {},
    });
    const to = new Date(`${busiest.last as string}T00:00:00Z`);
    const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
    const series = {
      query: `query Series($from: Date!, $to: Date!, $actor: ID!) {
        timeSeries(measure: MEETINGS, interval: MONTH, from: $from, to: $to, filter: { actor: $actor }) {
          total buckets { start end count } } }`,
      variables: { from: isoDate(from), to: isoDate(to), actor: busiest.id },
    };
    const runSeries = async () => {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(series),
      });
      const body = (await response.json()) as {
        data?: { timeSeries: { total: number; buckets: unknown[] } };
        errors?: { message: string }[];
      };
      if (!body.data) throw new Error(`timeSeries failed: ${JSON.stringify(body.errors)}`);
      return { ms: performance.now() - started, data: body.data.timeSeries };
    };
    await runSeries(); // warm-up: plan caches, page cache
    const seriesMs: number[] = [];
    let seriesData = { total: 0, buckets: [] as unknown[] };
    const seriesRun = await withRssPeak(api.pid!, async () => {
      for (let run = 0; run < TIME_SERIES_RUNS; run += 1) {
        const { ms, data } = await runSeries();
        seriesMs.push(ms);
        seriesData = data;
      }
    });
    process.stdout.write(
      `timeSeries (MEETINGS, MONTH, ${series.variables.from}..${series.variables.to}, ${busiest.id}): ` +
        `${seriesData.buckets.length} buckets, total ${seriesData.total}, median ${median(seriesMs).toFixed(1)} ms ` +
        `(${seriesMs.map((ms) => ms.toFixed(1)).join(', ')})\n`,
    );

    const rssBeforeMb = rssMb(api.pid!).current;
    const exported = await withRssPeak(api.pid!, async () => {
      const started = performance.now();
      const response = await fetch(`${url}/export/statements.csv`, { headers });
      if (response.status !== 200 || !response.body) {
        throw new Error(`export failed: ${response.status} ${await response.text()}`);
      }
      let firstByteMs = 0;
      let bytes = 0;
      const counter = recordCounter();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.byteLength;
        counter.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      }
      // The header line is not a statement row.
      return { rows: counter.records - 1, bytes, firstByteMs, seconds: (performance.now() - started) / 1000 };
    });
    process.stdout.write(
      `export statements.csv: ${exported.value.rows} rows (${statements} statements), ` +
        `${(exported.value.bytes / 1e6).toFixed(1)} MB in ${exported.value.seconds.toFixed(1)} s ` +
        `(first byte ${exported.value.firstByteMs.toFixed(0)} ms); API RSS ${rssBeforeMb.toFixed(0)} MB before, ` +
        `peak ${exported.peakMb.toFixed(0)} MB during\n`,
    );

    const result: AnalystResult = {
      scale,
      heapCapMb: heapCapMb ?? null,
      nodes: graph.nodes,
      relationships: graph.relationships,
      statements: statements as number,
      nation: { id: busiest.id as string, facts: busiest.facts as number },
      timeSeries: {
        from: series.variables.from,
        to: series.variables.to,
        buckets: seriesData.buckets.length,
        total: seriesData.total,
        ms: seriesMs,
        medianMs: median(seriesMs),
      },
      export: { ...exported.value, rssBeforeMb, rssPeakMb: exported.peakMb },
      apiRssPeakMb: Math.max(seriesRun.peakMb, exported.peakMb, rssMb(api.pid!).peak),
    };
    const out =
      values.out ??
      path.join(__dirname, '..', '.bench', `analyst-${scale}${heapCapMb ? `-cap${heapCapMb}` : ''}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(result, null, 2));
    process.stdout.write(`wrote ${out}\n`);
    printBothScales(path.dirname(out));
  } finally {
    api.kill('SIGTERM');
    await db.close();
    await graph.neo4j.stop();
  }
}

/** Once both scales have a result, the table the closing note and docs quote (every result in `dir`). */
function printBothScales(dir: string) {
  const results = readdirSync(dir)
    .filter((file) => /^analyst-(small|large)(-cap\d+)?\.json$/.test(file))
    .sort()
    .reverse() // small before large, each without a cap before with one
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as AnalystResult);
  if (
    !results.some((result) => result.scale === 'small') ||
    !results.some((result) => result.scale === 'large')
  )
    return;
  process.stdout.write(
    '\n| graph | nodes | API heap cap | time series ms (median of 5) | export rows | export s | rows/s | API RSS before / peak during export MB | API peak RSS MB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  for (const result of results) {
    process.stdout.write(
      `| ${result.scale} | ${result.nodes} | ${result.heapCapMb ? `${result.heapCapMb} MB` : 'none'} | ` +
        `${result.timeSeries.medianMs.toFixed(1)} | ${result.export.rows} | ` +
        `${result.export.seconds.toFixed(1)} | ${(result.export.rows / result.export.seconds).toFixed(0)} | ` +
        `${result.export.rssBeforeMb.toFixed(0)} / ${result.export.rssPeakMb.toFixed(0)} | ${result.apiRssPeakMb.toFixed(0)} |\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
