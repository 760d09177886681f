/**
 * What a benchmark run prints and keeps: per query and system, the median and range over runs of
 * throughput and of the p50/p99 of each run's merged histogram, CPU per request of each process,
 * and the done-when checks, as markdown; the same as JSON, so two runs (large and small)
 * can be compared later (`--compare`, or `tsx bench/compare.ts large.json small.json`).
 */
export type SystemName = 'ours' | 'library' | 'raw' | 'raw-min';

/** One system on one query in one run: every round's window merged. */
export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU milliseconds per request: the system's server, Neo4j, the load generator. */
  cpu: { api: number; neo4j: number; loadgen: number };
  /** The server's largest resident memory during the run's windows. */
  rssMb: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Row {
  query: string;
  name: string;
  system: SystemName;
  runs: RunFigures[];
  rps: Spread;
  p50: Spread;
  p99: Spread;
  errors: number;
  cpu: { api: number; neo4j: number; loadgen: number };
  rssMb: number;
}

export interface BenchResult {
  scale: string;
  date: string;
  graph: { nodes: number; relationships: number };
  settings: { runs: number; rounds: number; seconds: number; warmup: number; connections: number };
  machine: { cores: number; memoryGiB: number };
  rows: Row[];
  /** Systems left out of a query's timing, and why (a failed check, or cannot express). */
  excluded: { query: string; system: SystemName; reason: string }[];
  /** Our API's resident memory: its peak (VmHWM), and the largest VmRSS read during its windows. */
  oursRssMb: { peak: number; underLoad: number };
  goals: Goal[];
  notes: string[];
}

export interface Goal {
  goal: string;
  query: string;
  value: string;
  pass: boolean;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1)! };
}

export function summarize(query: string, name: string, system: SystemName, runs: RunFigures[]): Row {
  return {
    query,
    name,
    system,
    runs,
    rps: spread(runs.map((run) => run.rps)),
    p50: spread(runs.map((run) => run.p50)),
    p99: spread(runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpu: {
      api: spread(runs.map((run) => run.cpu.api)).median,
      neo4j: spread(runs.map((run) => run.cpu.neo4j)).median,
      loadgen: spread(runs.map((run) => run.cpu.loadgen)).median,
    },
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
  };
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const withRange = (s: Spread, digits = 1) =>
  s.min === s.max
    ? fixed(s.median, digits)
    : `${fixed(s.median, digits)} [${fixed(s.min, digits)}–${fixed(s.max, digits)}]`;

/** The done-when checks of the issue that one run can decide. */
export function goals(scale: string, rows: Row[], oursRss: { peak: number; underLoad: number }): Goal[] {
  const row = (query: string, system: SystemName) =>
    rows.find((r) => r.query === query && r.system === system);
  const queries = [...new Set(rows.map((r) => r.query))];
  const out: Goal[] = [];
  const rawLimit = scale === 'large' ? 1.3 : 1.5;
  for (const query of queries) {
    const ours = row(query, 'ours');
    if (!ours) continue;
    const library = row(query, 'library');
    if (library) {
      const throughput = ours.rps.median / library.rps.median;
      const p99 = ours.p99.median / library.p99.median;
      out.push({
        goal: 'throughput ≥ 1.5 × the library, p99 no higher',
        query,
        value: `${fixed(throughput, 2)} ×, p99 ${fixed(p99, 2)} ×`,
        pass: throughput >= 1.5 && p99 <= 1,
      });
    }
    const raw = row(query, 'raw');
    if (raw) {
      const p50 = ours.p50.median / raw.p50.median;
      out.push({
        goal: `p50 within ${rawLimit} × raw Cypher (same semantics)`,
        query,
        value: `${fixed(p50, 2)} ×`,
        pass: p50 <= rawLimit,
      });
      const cpu = ours.cpu.api / raw.cpu.api;
      out.push({
        goal: 'API CPU per request ≤ 2 × the raw server',
        query,
        value: `${fixed(ours.cpu.api, 2)} / ${fixed(raw.cpu.api, 2)} ms = ${fixed(cpu, 2)} ×`,
        pass: cpu <= 2,
      });
    }
  }
  out.push({
    goal: 'our RSS under 300 MB under load',
    query: '(all)',
    value: `peak ${fixed(oursRss.peak, 0)} MB, under load ${fixed(oursRss.underLoad, 0)} MB`,
    pass: oursRss.peak < 300,
  });
  return out;
}

export function markdown(result: BenchResult): string {
  const { settings } = result;
  const lines = [
    `## ${result.scale} graph: ${result.graph.nodes} nodes, ${result.graph.relationships} relationships`,
    '',
    `${settings.runs} runs × ${settings.rounds} rounds of ${settings.seconds} s per system and query (after ${settings.warmup} s of warm-up each), ${settings.connections} connections; ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB; ${result.date}.`,
    'req/s, p50 and p99: median over runs [min–max]; p50/p99 of each run from the histogram merged over its rounds. CPU: ms per request of the system’s server (API), Neo4j and the load generator. RSS: the server’s largest resident memory during its windows (raw and raw-min share one server).',
    '',
    '| query | system | req/s | p50 ms | p99 ms | errors | CPU ms/req API / Neo4j / loadgen | RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.rows.map(
      (row) =>
        `| ${row.name} | ${row.system} | ${withRange(row.rps, 0)} | ${withRange(row.p50)} | ${withRange(row.p99)} | ${row.errors} | ${fixed(row.cpu.api, 2)} / ${fixed(row.cpu.neo4j, 2)} / ${fixed(row.cpu.loadgen, 2)} | ${fixed(row.rssMb, 0)} |`,
    ),
    '',
    `Our API's RSS: peak ${fixed(result.oursRssMb.peak, 0)} MB; under load (read twice a second during its windows) at most ${fixed(result.oursRssMb.underLoad, 0)} MB.`,
  ];
  if (result.excluded.length > 0) {
    lines.push(
      '',
      'Left out of timing:',
      ...result.excluded.map((e) => `- ${e.query}, ${e.system}: ${e.reason}`),
    );
  }
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((note) => `- ${note}`));
  lines.push(
    '',
    '### Goals',
    '',
    '| goal | query | value | |',
    '| --- | --- | --- | --- |',
    ...result.goals.map((g) => `| ${g.goal} | ${g.query} | ${g.value} | ${g.pass ? 'pass' : '**fail**'} |`),
    '',
    ...[...new Set(result.goals.map((g) => g.goal))].map((goal) => {
      const of = result.goals.filter((g) => g.goal === goal);
      return `- ${goal}: ${of.filter((g) => g.pass).length} of ${of.length} pass`;
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** Large-vs-small p50 per query and system: the goal is within 3 ×. */
export function compare(large: BenchResult, small: BenchResult): string {
  const lines = [
    `## p50 ${large.scale} (${large.graph.nodes} nodes) / ${small.scale} (${small.graph.nodes} nodes)`,
    '',
    `| query | system | ${large.scale} p50 ms | ${small.scale} p50 ms | ratio | within 3 × |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of large.rows) {
    const other = small.rows.find((r) => r.query === row.query && r.system === row.system);
    if (!other) continue;
    const ratio = row.p50.median / other.p50.median;
    lines.push(
      `| ${row.name} | ${row.system} | ${fixed(row.p50.median)} | ${fixed(other.p50.median)} | ${fixed(ratio, 2)} | ${row.system === 'ours' ? (ratio <= 3 ? 'pass' : '**fail**') : ''} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
