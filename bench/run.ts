/**
 * `npm run bench -- --scale small|large [--seconds S] [--rounds R] [--connections C]`
 *
 * One database, three servers over it: our API, the Neo4j GraphQL Library, and hand-written Cypher
 * behind a minimal HTTP server. Imports a synthetic graph, checks that all three return the same
 * data for each query of the mix, then load-tests each system in turn (autocannon, fixed
 * concurrency, alternating rounds) and prints throughput, latency, round trips and ratios.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '../src/local-neo4j/free-port';
import { startLocalNeo4j } from '../src/local-neo4j/launcher';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { encodeCursor } from '../src/modules/common/page-args';
import { benchQueries, type BenchQuery } from './queries';
import { scriptDatabase } from '../scripts/lib/script-db';
import { generateDocuments } from '../scripts/lib/synthetic-documents';

const ROOT = path.join(__dirname, '..');
const SCALES = { small: 400, large: 40_000 } as const; // event documents; about 25 nodes each

type System = 'ours' | 'library' | 'raw';

/** Starts a server script; resolves once it prints READY (or at once when `ready` is false: the caller polls). */
function startChild(args: string[], env: Record<string, string>, ready = true): Promise<ChildProcess> {
  // node --import tsx, not the tsx CLI: the CLI is a wrapper process, and we measure the server's own RSS.
  // Compiled JavaScript (dist/) runs as is, as it does in the production image.
  const loader = args[0].endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!ready) return Promise.resolve(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function waitReady(url: string) {
  for (let i = 0; i < 600; i += 1) {
    if (
      (await fetch(`${url}/ready`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

function request(
  system: System,
  query: BenchQuery,
  urls: Record<System, string>,
): { url: string; method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } {
  if (system === 'raw') return { url: `${urls.raw}/${query.raw}`, method: 'GET' };
  const operation = system === 'ours' ? query.ours : query.library!;
  return {
    url: `${urls[system]}/graphql`,
    method: 'POST',
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
    headers: { 'content-type': 'application/json' },
  };
}

async function fetchData(system: System, query: BenchQuery, urls: Record<System, string>) {
  const spec = request(system, query, urls);
  const response = await fetch(spec.url, { method: spec.method, body: spec.body, headers: spec.headers });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: unknown;
    extensions?: { queryStats?: { roundTrips: number } };
  };
  if (json.errors) throw new Error(`${system} ${query.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return { data: json.data, roundTrips: json.extensions?.queryStats?.roundTrips };
}

async function load(
  system: System,
  query: BenchQuery,
  urls: Record<System, string>,
  seconds: number,
  connections: number,
) {
  const spec = request(system, query, urls);
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    body: spec.body,
    headers: spec.headers,
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** JSON with sorted keys, so equal data compares equal whatever order each system emits fields in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function peakRssMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      // Keep the imported graph here and reuse it on later runs (the large import takes a while).
      'data-dir': { type: 'string' },
    },
  });
  const scale = values.scale as keyof typeof SCALES;
  if (!(scale in SCALES)) throw new Error('--scale must be small or large');
  const keepData = values['data-dir'] !== undefined;
  const dataDir = keepData
    ? path.resolve(values['data-dir']!)
    : mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
  const neo4j = await startLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024 });
  const children: ChildProcess[] = [];
  try {
    const db = scriptDatabase(neo4j.uri);
    await applyGraphSchema(db);
    const importStarted = Date.now();
    const documents = generateDocuments({ documents: SCALES[scale] });
    // A kept data directory resumes where an earlier run stopped: loads are idempotent, so the
    // last document of an interrupted run is simply loaded again.
    const [{ sources }] = await db.read({
      cypher: 'MATCH (s:Source) RETURN count(s) AS sources',
      params: {},
    });
    for (let index = Math.max(0, (sources as number) - 1); index < documents.length; index += 1) {
      const validated = validateDocument(documents[index], `synthetic-${index}`);
      if (!validated.ok) throw new Error(validated.errors[0].message);
      await loadDocument(db, validated.document, `synthetic-${index}`, validated.unresolvedReferences);
      if (index % 1000 === 999) {
        process.stdout.write(`imported ${index + 1}/${documents.length} documents\n`);
      }
    }
    const [counts] = await db.read({
      cypher:
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      params: {},
    });
    process.stdout.write(
      `graph: ${counts.nodes} nodes, ${counts.rels} relationships (imported in ${((Date.now() - importStarted) / 1000).toFixed(0)} s)\n`,
    );

    // The deep page starts after item N of meetings in (date, id) order.
    const offset = Math.min(1000, Math.floor((counts.nodes as number) / 50));
    const [before] = await db.read({
      cypher:
        'MATCH (m:Meeting) WITH m ORDER BY m.date, m.id SKIP $skip LIMIT 1 RETURN m.date AS date, m.id AS id',
      params: { skip: (await import('neo4j-driver')).default.int(offset - 1) },
    });
    await db.close();
    const queries = benchQueries({
      ourCursor: encodeCursor({ key: before.date as string, id: before.id as string }, 'meetings'),
      offset,
    });

    const ports = { ours: await findFreePort(), library: await findFreePort(), raw: await findFreePort() };
    const urls: Record<System, string> = {
      ours: `http://127.0.0.1:${ports.ours}`,
      library: `http://127.0.0.1:${ports.library}`,
      raw: `http://127.0.0.1:${ports.raw}`,
    };
    // Our API as it is deployed (the Dockerfile runs the tsc build), not through a TypeScript loader.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const ours = await startChild(
      ['dist/src/main.js'],
      {
        NEO4J_URI: neo4j.uri,
        PORT: String(ports.ours),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        RATE_LIMIT_PER_MINUTE: '100000000',
        SEED_ON_EMPTY: 'false',
        MAX_COST: '1000000',
        // The load generator is one client; the library and raw servers have no per-client share.
        CLIENT_CONCURRENT_QUERIES: '1000',
        CLIENT_QUEUED_QUERIES: '100000',
      },
      false,
    );
    ours.stdout!.resume();
    children.push(ours);
    children.push(
      await startChild(['bench/library-server.ts'], { NEO4J_URI: neo4j.uri, PORT: String(ports.library) }),
    );
    children.push(
      await startChild(['bench/raw-server.ts'], {
        NEO4J_URI: neo4j.uri,
        PORT: String(ports.raw),
        DEEP_AFTER_DATE: before.date as string,
        DEEP_AFTER_ID: before.id as string,
      }),
    );
    await waitReady(urls.ours);

    const rows: string[] = [];
    for (const query of queries) {
      const candidates: System[] = query.library ? ['ours', 'library', 'raw'] : ['ours', 'raw'];
      // A system that fails the query (e.g. runs out of transaction memory on the large graph) is
      // reported and left out of the timing; the others still run.
      const failures = new Map<System, string>();
      const fetched = await Promise.all(
        candidates.map((system) =>
          fetchData(system, query, urls).catch((error: Error) => {
            failures.set(system, error.message.replace(/\s+/g, ' ').slice(0, 160));
            return undefined;
          }),
        ),
      );
      if (failures.has('ours') || failures.has('raw')) {
        throw new Error([...failures.values()].join('; '));
      }
      const systems = candidates.filter((system) => !failures.has(system));
      const answers = fetched.filter((answer) => answer !== undefined);
      const normalized = answers.map((answer, i) => canonical(query.normalize[systems[i]]!(answer.data)));
      for (let i = 1; i < systems.length; i += 1) {
        if (normalized[i] !== normalized[0]) {
          throw new Error(
            `${query.name}: ${systems[i]} returned different data:\n ours: ${normalized[0].slice(0, 500)}\n ${systems[i]}: ${normalized[i].slice(0, 500)}`,
          );
        }
      }
      const results: Record<string, { rps: number[]; p50: number[]; p99: number[]; errors: number }> = {};
      for (let round = 0; round < Number(values.rounds); round += 1) {
        // Alternate the order each round so neither system always runs on a warmer cache.
        for (const system of round % 2 === 0 ? systems : [...systems].reverse()) {
          const r = await load(system, query, urls, Number(values.seconds), Number(values.connections));
          results[system] ??= { rps: [], p50: [], p99: [], errors: 0 };
          results[system].rps.push(r.rps);
          results[system].p50.push(r.p50);
          results[system].p99.push(r.p99);
          results[system].errors += r.errors;
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const line = (system: System, roundTrips: number | string) => {
        const r = results[system];
        return `| ${query.name} | ${system} | ${mean(r.rps).toFixed(0)} | ${mean(r.p50).toFixed(1)} | ${mean(r.p99).toFixed(1)} | ${roundTrips} | ${r.errors} |`;
      };
      rows.push(line('ours', answers[0].roundTrips ?? '?'));
      if (failures.has('library'))
        rows.push(`| ${query.name} | library | failed: ${failures.get('library')} | | | | |`);
      else if (query.library) rows.push(line('library', 1));
      rows.push(line('raw', 1));
      const ratio = (a: System, b: System, metric: 'rps' | 'p50' | 'p99') =>
        (mean(results[a][metric]) / mean(results[b][metric])).toFixed(2);
      rows.push(
        `| ${query.name} | ratios | ours/raw rps ${ratio('ours', 'raw', 'rps')} | ours/raw p50 ${ratio('ours', 'raw', 'p50')} | ours/raw p99 ${ratio('ours', 'raw', 'p99')} | ${
          systems.includes('library')
            ? `ours/library rps ${ratio('ours', 'library', 'rps')}, p99 ${ratio('ours', 'library', 'p99')}`
            : query.library
              ? 'library: failed'
              : 'library: cannot express'
        } | |`,
      );
      process.stdout.write(`${rows.slice(-(candidates.length + 1)).join('\n')}\n`);
    }
    process.stdout.write(
      `\n## ${scale} graph: ${counts.nodes} nodes, ${counts.rels} relationships; ${values.connections} connections, ${values.rounds} rounds of ${values.seconds} s\n` +
        `| query | system | req/s | p50 ms | p99 ms | Cypher round trips | errors |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n` +
        `our API peak RSS: ${peakRssMb(ours.pid!).toFixed(0)} MB; machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await neo4j.stop();
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
