/**
 * `npm run bench -- --scale small|large [--data-dir DIR] [--runs 3] [--rounds 5] [--seconds 20]
 *  [--warmup 5] [--connections 10] [--only nested,search] [--no-mixed] [--out FILE] [--compare small.json]`
 *
 * One database, three servers over it (our API, the Neo4j GraphQL Library, hand-written Cypher),
 * all in production mode. Reads pools of real ids, checks that every system returns the same data
 * for several parameter samples of each query, then times each query: per run, a warm-up, then
 * rounds that alternate the order of the systems, every request with other parameters, every
 * latency in one histogram per system and query. Prints a markdown table and the issue's goals,
 * and writes the result as JSON (by default under .bench/, gitignored); `--compare small.json` (or
 * bench/compare.ts) prints the large/small p50 ratios. Defaults meet the issue's method: runs
 * 3 × rounds 5 × 20 s per system and query; shorten them for a quick check.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { cpuWindow, rssMb } from './cpu';
import { newHistogram, percentileMs, type Histogram } from './histogram';
import { runLoad, type OneRequest } from './load';
import { readPools, type Pools } from './pools';
import { readQueries, writeOperation, WRITE_SHARE, pick, type BenchQuery, type Sample } from './queries';
import {
  compare,
  goals,
  markdown,
  summarize,
  type BenchResult,
  type RunFigures,
  type SystemName,
} from './report';
import { SCALES, startGraph, startServers, type Servers } from './servers';
import { prng } from '../scripts/lib/prng';
import { canonical } from './canonical';

const ROOT = path.join(__dirname, '..');

function request(system: SystemName, query: BenchQuery, sample: Sample): OneRequest {
  switch (system) {
    case 'ours':
      return { path: '/graphql', body: JSON.stringify(query.ours(sample)) };
    case 'library':
      return { path: '/graphql', body: JSON.stringify(query.library!(sample)) };
    case 'raw':
      return { path: `/${query.raw}`, body: JSON.stringify(sample) };
    case 'raw-min':
      return { path: `/${query.rawMin!}`, body: JSON.stringify(sample) };
  }
}

const serverOf = (system: SystemName) => (system === 'raw-min' ? 'raw' : system);

function systemsOf(query: BenchQuery): SystemName[] {
  return [
    'ours',
    ...(query.library ? (['library'] as const) : []),
    'raw',
    ...(query.rawMin ? (['raw-min'] as const) : []),
  ];
}

async function answer(servers: Servers, system: SystemName, query: BenchQuery, sample: Sample) {
  const spec = request(system, query, sample);
  const response = await fetch(`${servers.urls[serverOf(system)]}${spec.path}`, {
    method: 'POST',
    body: spec.body,
    headers: { 'content-type': 'application/json' },
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || json.errors) {
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  }
  const normalize = system === 'raw-min' ? query.normalize.raw : query.normalize[system]!;
  return canonical(normalize(json.data));
}

/**
 * Same data from every system for several samples; a system that fails or differs is reported and
 * left out of the query's timing (ours failing leaves out the query).
 */
async function check(servers: Servers, query: BenchQuery, pools: Pools, excluded: BenchResult['excluded']) {
  const systems = systemsOf(query);
  const failed = new Set<SystemName>();
  // An empty answer proves little: count the samples that had something to compare.
  let nonEmpty = 0;
  for (let i = 0; i < 3; i += 1) {
    const sample = query.sample(pools, prng(7919 * (i + 1)));
    const answers = await Promise.all(
      systems.map((system) =>
        answer(servers, system, query, sample).catch((error: Error) => {
          if (!failed.has(system)) {
            excluded.push({
              query: query.key,
              system,
              reason: `failed: ${error.message.replace(/\s+/g, ' ')}`,
            });
          }
          failed.add(system);
          return undefined;
        }),
      ),
    );
    if (answers[0] === undefined) return { systems: [], nonEmpty };
    if (!['[]', 'null', '{}'].includes(answers[0])) nonEmpty += 1;
    systems.forEach((system, index) => {
      if (index === 0 || failed.has(system) || answers[index] === answers[0]) return;
      failed.add(system);
      excluded.push({
        query: query.key,
        system,
        reason: `different data for ${JSON.stringify(sample)}: ours ${answers[0]!.slice(0, 300)} / ${system} ${answers[index]?.slice(0, 300)}`,
      });
    });
  }
  return { systems: systems.filter((system) => !failed.has(system)), nonEmpty };
}

interface Accumulator {
  histogram: Histogram;
  requests: number;
  errors: number;
  seconds: number;
  cpu: { api: number; neo4j: number; loadgen: number };
  rssMb: number;
}

function newAccumulator(): Accumulator {
  return {
    histogram: newHistogram(),
    requests: 0,
    errors: 0,
    seconds: 0,
    cpu: { api: 0, neo4j: 0, loadgen: 0 },
    rssMb: 0,
  };
}

function figures(acc: Accumulator): RunFigures {
  const perRequest = (ms: number) => ms / Math.max(1, acc.requests);
  return {
    rps: acc.requests / acc.seconds,
    p50: percentileMs(acc.histogram, 50),
    p99: percentileMs(acc.histogram, 99),
    requests: acc.requests,
    errors: acc.errors,
    cpu: {
      api: perRequest(acc.cpu.api),
      neo4j: perRequest(acc.cpu.neo4j),
      loadgen: perRequest(acc.cpu.loadgen),
    },
    rssMb: acc.rssMb,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      // Keep the imported graph here and reuse it on later runs (the large import takes a while).
      'data-dir': { type: 'string' },
      only: { type: 'string' },
      'no-mixed': { type: 'boolean', default: false },
      out: { type: 'string' },
      compare: { type: 'string' },
    },
  });
  const scale = values.scale as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error('--scale must be small or large');
  const settings = {
    runs: Number(values.runs),
    rounds: Number(values.rounds),
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
  };
  const keepData = values['data-dir'] !== undefined;
  const dataDir = keepData
    ? path.resolve(values['data-dir']!)
    : mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
  const graph = await startGraph(scale, dataDir);
  process.stdout.write(`graph: ${graph.nodes} nodes, ${graph.relationships} relationships\n`);
  let servers: Servers | undefined;
  const driver = neo4j.driver(graph.neo4j.uri, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    servers = await startServers(graph.neo4j);
    const pools = await readPools(driver);
    process.stdout.write(
      `pools: ${Object.entries(pools)
        .map(([name, items]) => `${name} ${(items as unknown[]).length}`)
        .join(', ')}; keyset depths ${pools.meetingCursors.map((cursor) => cursor.depth).join(', ')}\n`,
    );
    const only = values.only?.split(',');
    const queries = readQueries().filter((query) => !only || only.includes(query.key));
    const excluded: BenchResult['excluded'] = [];
    const active = new Map<string, SystemName[]>();
    for (const query of queries) {
      if (!query.library) excluded.push({ query: query.key, system: 'library', reason: 'cannot express' });
      const checked = await check(servers, query, pools, excluded);
      active.set(query.key, checked.systems);
      process.stdout.write(
        `checked ${query.key}: ${checked.systems.join(', ') || 'nothing to time'} agree (${checked.nonEmpty} of 3 samples non-empty)\n`,
      );
    }

    const windows =
      queries.reduce((sum, query) => sum + active.get(query.key)!.length, 0) + (values['no-mixed'] ? 0 : 1);
    const minutes = (settings.runs * windows * (settings.warmup + settings.rounds * settings.seconds)) / 60;
    process.stdout.write(`timing ${windows} system × query pairs: about ${minutes.toFixed(0)} minutes\n`);

    const rss = { peak: 0, underLoad: 0 };
    const window = async (
      acc: Accumulator | undefined,
      system: SystemName,
      next: () => OneRequest,
      seconds: number,
    ) => {
      const pids = { api: servers!.pids[serverOf(system)], neo4j: servers!.pids.neo4j };
      const cpu = cpuWindow(pids);
      // Resident memory of the server under load, read twice a second during its windows.
      let windowRss = 0;
      const sampler = setInterval(() => (windowRss = Math.max(windowRss, rssMb(pids.api).current)), 500);
      const result = await runLoad({
        url: servers!.urls[serverOf(system)],
        next,
        connections: settings.connections,
        seconds,
        histogram: acc?.histogram,
      });
      clearInterval(sampler);
      if (system === 'ours') rss.underLoad = Math.max(rss.underLoad, windowRss);
      const spent = cpu();
      if (!acc) return;
      acc.requests += result.requests;
      acc.errors += result.errors;
      acc.seconds += result.seconds;
      acc.cpu.api += spent.api;
      acc.cpu.neo4j += spent.neo4j;
      acc.cpu.loadgen += spent.loadgen;
      acc.rssMb = Math.max(acc.rssMb, windowRss);
    };

    const perRun = new Map<string, RunFigures[]>();
    const push = (key: string, run: RunFigures) => perRun.set(key, [...(perRun.get(key) ?? []), run]);
    const byKey = new Map(queries.map((query) => [query.key, query]));
    const readMix = queries.filter((query) => active.get(query.key)!.includes('ours'));

    for (let run = 0; run < settings.runs; run += 1) {
      for (const [index, query] of queries.entries()) {
        const systems = active.get(query.key)!;
        if (systems.length === 0) continue;
        const nextOf = (system: SystemName, random: () => number) => () =>
          request(system, query, query.sample(pools, random));
        for (const system of systems) {
          await window(undefined, system, nextOf(system, prng(run * 7 + index + 99_991)), settings.warmup);
        }
        const accumulators = new Map(systems.map((system) => [system, newAccumulator()]));
        for (let round = 0; round < settings.rounds; round += 1) {
          // Alternate the order each round (and run) so no system always runs on a warmer cache.
          const order = (round + run) % 2 === 0 ? systems : [...systems].reverse();
          for (const system of order) {
            const seed = ((run * 101 + round) * 1009 + index) >>> 0;
            await window(accumulators.get(system), system, nextOf(system, prng(seed)), settings.seconds);
          }
        }
        for (const [system, acc] of accumulators) {
          const figuresOfRun = figures(acc);
          push(`${query.key}|${system}`, figuresOfRun);
          process.stdout.write(
            `run ${run + 1} ${query.key} ${system}: ${figuresOfRun.rps.toFixed(0)} req/s, p50 ${figuresOfRun.p50.toFixed(1)} ms, p99 ${figuresOfRun.p99.toFixed(1)} ms, ${figuresOfRun.errors} errors\n`,
          );
        }
      }
      if (!values['no-mixed'] && readMix.length > 0) {
        // Reads drawn from the whole mix, one request in ten a write by an editor.
        const next = (random: () => number) => () => {
          if (random() < WRITE_SHARE) {
            return {
              path: '/graphql',
              body: JSON.stringify(writeOperation(pools, random)),
              headers: { authorization: `Bearer ${servers!.editorKey}` },
            };
          }
          const query = pick(readMix, random);
          return request('ours', query, query.sample(pools, random));
        };
        await window(undefined, 'ours', next(prng(run + 424_242)), settings.warmup);
        const acc = newAccumulator();
        for (let round = 0; round < settings.rounds; round += 1) {
          await window(acc, 'ours', next(prng(run * 101 + round + 515_151)), settings.seconds);
        }
        push('mixed|ours', figures(acc));
        process.stdout.write(`run ${run + 1} mixed ours: ${figures(acc).rps.toFixed(0)} req/s\n`);
      }
    }

    rss.peak = rssMb(servers.pids.ours).peak;
    const rows = [...perRun.entries()].map(([key, runs]) => {
      const [queryKey, system] = key.split('|') as [string, SystemName];
      const name =
        queryKey === 'mixed'
          ? `mixed: the read mix, ${WRITE_SHARE * 100} % credibility writes`
          : byKey.get(queryKey)!.name;
      return summarize(queryKey, name, system, runs);
    });
    const notes = [
      ...new Set(queries.flatMap((query) => (query.libraryNote ? [`library, ${query.libraryNote}`] : []))),
      'raw: the same semantics as ours (retractions left out at every level, nested lists ordered and capped); raw-min: the lower bound, where it differs.',
      'all three servers run compiled JavaScript: ours its tsc build, as deployed; the library and raw servers an esbuild bundle of bench/ (packages as installed).',
      ...(values['no-mixed']
        ? []
        : [
            'mixed: ours only (the library and raw servers have no write path of ours to compare); its writes stay in a kept data directory.',
          ]),
    ];
    const result: BenchResult = {
      scale,
      date: new Date().toISOString(),
      graph: { nodes: graph.nodes, relationships: graph.relationships },
      settings,
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      rows,
      excluded,
      oursRssMb: rss,
      goals: goals(scale, rows, rss),
      notes,
    };
    const out = values.out ?? path.join(ROOT, '.bench', `${scale}-${result.date.replace(/[:.]/g, '-')}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\n${markdown(result)}\nresult: ${out}\n`);
    if (values.compare) {
      const other = JSON.parse(readFileSync(values.compare, 'utf8')) as BenchResult;
      process.stdout.write(`\n${compare(result, other)}`);
    }
  } finally {
    servers?.stop();
    await driver.close();
    await graph.neo4j.stop();
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
