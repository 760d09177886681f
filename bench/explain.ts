/**
 * `npx tsx bench/explain.ts --data-dir DIR [--out FILE.md] [--runs 10]`
 *
 * The benchmark's nested list ("meetings > participants > nation (keyset page)", bench/queries.ts)
 * as each system sends it to Neo4j, for docs/benchmarks.md: the exact Cypher and parameters, then
 * the statement's PROFILE (total db hits, rows, a compact operator tree) and the median of serial
 * runs of it. Two parameter samples, the same for every system: the first page and the
 * benchmark's deepest keyset cursor.
 *
 * - ours: the API's schema executed in-process (graphql `execute`, a request context as the server
 *   makes it) over a GraphDatabase that reports each statement it runs (DatabaseOptions.onStatement);
 * - library: @neo4j/graphql set up as bench/library-server.ts does, executed in-process over a
 *   driver that records what the library runs through it;
 * - raw and raw-min: the statements of bench/raw-server.ts.
 *
 * Each operation runs once before it is recorded (the library asks for the database's version on
 * its first request). Reads only: the graph (a benchmark's kept one) is used as it is. Markdown on
 * stdout (and in --out), progress on stderr.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execute, parse, type ExecutionResult } from 'graphql';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type ProfiledPlan,
  type Session,
  type SessionConfig,
  type Transaction,
} from 'neo4j-driver';
import { GraphDatabase } from '../src/graph/database';
import { toPlain } from '../src/graph/values';
import { reuseOrStartLocalNeo4j } from '../src/local-neo4j/reuse-or-start';
import { createLogger } from '../src/logger';
import { createRequestContext } from '../src/server/context';
import { buildApiSchema } from '../src/server/schema';
import { libraryGraphQL } from './library-server';
import { readPools, type MeetingCursor } from './pools';
import { readQueries, type Operation, type Sample } from './queries';
import { QUERIES as RAW, type Sample as RawSample } from './raw-server';
import { canonical } from './canonical';

type Params = Record<string, unknown>;
type Record_ = (cypher: string, params: Params) => void;
type TransactionConfig = Parameters<Session['run']>[2];

interface Statement {
  cypher: string;
  params: Params;
}

const SYSTEMS = ['ours', 'library', 'raw', 'raw-min'] as const;
type System = (typeof SYSTEMS)[number];

/** A proxy of `target` with some members replaced; the others are the target's own, bound to it. */
function intercept<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, key) {
      if (typeof key === 'string' && Object.hasOwn(overrides, key)) return overrides[key];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function recordingTransaction<T extends Transaction | ManagedTransaction>(tx: T, record: Record_): T {
  return intercept(tx, {
    run: (cypher: string, params?: Params) => {
      record(cypher, params ?? {});
      return tx.run(cypher, params);
    },
  });
}

/** A driver that reports every statement run through it, in sessions and in their transactions. */
function recordingDriver(driver: Driver, record: Record_): Driver {
  return intercept(driver, {
    session: (config?: SessionConfig) => {
      const session: Session = driver.session(config);
      return intercept(session, {
        run: (cypher: string, params?: Params, config?: TransactionConfig) => {
          record(cypher, params ?? {});
          return session.run(cypher, params, config);
        },
        executeRead: <R>(work: (tx: ManagedTransaction) => Promise<R> | R, config?: TransactionConfig) =>
          session.executeRead((tx) => work(recordingTransaction(tx, record)), config),
        executeWrite: <R>(work: (tx: ManagedTransaction) => Promise<R> | R, config?: TransactionConfig) =>
          session.executeWrite((tx) => work(recordingTransaction(tx, record)), config),
        beginTransaction: (config?: TransactionConfig) =>
          recordingTransaction(session.beginTransaction(config), record),
      });
    },
    executeQuery: () => {
      throw new Error('explain: executeQuery is not recorded');
    },
  });
}

/** Parameters as JSON, Neo4j integers as numbers. */
function paramsJson(params: Params): string {
  return JSON.stringify(toPlain(params), null, 2);
}

const num = (value: unknown): number => (neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0));
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One line per operator: name (indented by depth), rows, db hits, details shortened. */
function operatorTree(plan: ProfiledPlan): string {
  const lines: { name: string; rows: string; hits: string; details: string }[] = [];
  const walk = (node: ProfiledPlan, depth: number) => {
    const details = node.arguments.Details;
    lines.push({
      name: `${'  '.repeat(depth)}${node.operatorType.replace(/@.*$/, '')}`,
      rows: fmt(node.rows),
      hits: fmt(node.dbHits),
      details: typeof details === 'string' ? shorten(details, 90) : '',
    });
    node.children.forEach((child) => walk(child, depth + 1));
  };
  walk(plan, 0);
  const width = Math.max('operator'.length, ...lines.map((line) => line.name.length));
  const rowsWidth = Math.max(4, ...lines.map((line) => line.rows.length));
  const hitsWidth = Math.max(7, ...lines.map((line) => line.hits.length));
  const row = (name: string, rows: string, hits: string, details: string) =>
    `${name.padEnd(width)}  ${rows.padStart(rowsWidth)}  ${hits.padStart(hitsWidth)}  ${details}`.trimEnd();
  return [
    row('operator', 'rows', 'db hits', 'details'),
    ...lines.map((line) => row(line.name, line.rows, line.hits, line.details)),
  ].join('\n');
}

interface Profiled {
  dbHits: number;
  rows: number;
  runtime: string;
  memoryBytes: number;
  tree: string;
}

async function profileOf(session: Session, statement: Statement): Promise<Profiled> {
  const profile = (await session.run(`PROFILE ${statement.cypher}`, statement.params)).summary.profile;
  if (!profile) throw new Error('PROFILE gave no profile');
  return {
    dbHits: totalDbHits(profile),
    rows: profile.rows,
    runtime: String(profile.arguments.runtime ?? ''),
    memoryBytes: num(profile.arguments.GlobalMemory),
    tree: operatorTree(profile),
  };
}

interface Timed {
  /** Client wall clock, from sending the statement to the last record. */
  wall: number[];
  /** Neo4j's own: result available after + consumed after. */
  server: number[];
}

/**
 * Serial runs of each statement (without PROFILE), taken in turn so a change of load on a shared
 * machine falls on all of them alike; one untimed run of each first (its plan is cached apart
 * from PROFILE's).
 */
async function timeAll(
  session: Session,
  statements: Statement[],
  runs: number,
): Promise<Map<Statement, Timed>> {
  const times = new Map(statements.map((statement) => [statement, { wall: [], server: [] } as Timed]));
  for (let run = 0; run <= runs; run += 1) {
    for (const statement of statements) {
      const started = performance.now();
      const result = await session.run(statement.cypher, statement.params);
      const elapsed = performance.now() - started;
      if (run === 0) continue;
      times.get(statement)!.wall.push(elapsed);
      times
        .get(statement)!
        .server.push(num(result.summary.resultAvailableAfter) + num(result.summary.resultConsumedAfter));
    }
  }
  return times;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      runs: { type: 'string', default: '10' },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir DIR is required (a benchmark graph, kept)');
  const runs = Number(values.runs);
  const dataDir = path.resolve(values['data-dir']);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  // APOC, as the library's server has it; a Neo4j already running on the directory is used as it is.
  const local = await reuseOrStartLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024, apoc: true });
  log(`neo4j at ${local.uri}${local.reused ? ' (already running)' : ''}`);
  const auth = neo4j.auth.basic('neo4j', 'neo4j');
  const driver = neo4j.driver(local.uri, auth);
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });

  let recorded: Statement[] = [];
  const record: Record_ = (cypher, params) => recorded.push({ cypher, params });
  const ourDb = new GraphDatabase({
    uri: local.uri,
    user: 'neo4j',
    password: 'neo4j',
    database: 'neo4j',
    logger: createLogger('warn'),
    onStatement: record,
  });
  const libraryDriver = neo4j.driver(local.uri, auth);

  try {
    const query = readQueries().find((candidate) => candidate.key === 'nested')!;
    const ourSchema = await buildApiSchema();
    const librarySchema = await libraryGraphQL(recordingDriver(libraryDriver, record)).getSchema();

    const [{ version }] = (
      await session.run('CALL dbms.components() YIELD versions RETURN versions[0] AS version')
    ).records.map((r) => r.toObject());
    const [counts] = (
      await session.run(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      )
    ).records.map((r) => r.toObject());
    const meetings = num(
      (
        await session.run('MATCH (m:Meeting) WHERE m.retractedAt IS NULL RETURN count(m) AS n')
      ).records[0].get('n'),
    );
    const pools = await readPools(driver);
    const deepest = pools.meetingCursors.at(-1)!;
    const samples: { label: string; describe: string; cursor: MeetingCursor }[] = [
      { label: 'first page', describe: 'the first page', cursor: pools.meetingCursors[0] },
      {
        label: `after ${fmt(deepest.depth)}`,
        describe: `the page after meeting ${fmt(deepest.depth)} of ${fmt(meetings)} (${deepest.date}, \`${deepest.id}\`), the benchmark's deepest keyset cursor`,
        cursor: deepest,
      },
    ];

    /** Runs a GraphQL operation twice, the second time recorded: its statements and answer. */
    const graphql = async (system: 'ours' | 'library', operation: Operation) => {
      const once = async () => {
        const result = (await execute({
          schema: system === 'ours' ? ourSchema : librarySchema,
          document: parse(operation.query),
          variableValues: operation.variables,
          contextValue:
            system === 'ours'
              ? createRequestContext({
                  requestId: 'explain',
                  db: ourDb,
                  logger: createLogger('warn'),
                  seal: (bookmark) => bookmark,
                })
              : {},
        })) as ExecutionResult;
        if (result.errors) throw new Error(`${system}: ${result.errors.map((e) => e.message).join('; ')}`);
        return result.data;
      };
      await once();
      recorded = [];
      const data = await once();
      const statements = recorded;
      recorded = [];
      return { statements, answer: canonical(query.normalize[system]!(data)) };
    };

    const runRaw = async (system: 'raw' | 'raw-min', sample: Sample) => {
      const statement = RAW[system === 'raw' ? query.raw : query.rawMin!](sample as unknown as RawSample);
      const rows = (await session.run(statement.cypher, statement.params)).records.map((r) =>
        toPlain(r.get('row')),
      );
      return { statements: [statement], answer: canonical(query.normalize.raw(rows)) };
    };

    interface Measured extends Profiled {
      medianMs: number;
      medianServerMs: number;
    }
    interface Outcome {
      statements: Statement[];
      measured: Measured[];
      answer: string;
    }
    const captured = new Map<string, { statements: Statement[]; profiles: Profiled[]; answer: string }>();
    const key = (system: System, index: number) => `${system}|${index}`;
    for (const [index, { label, cursor }] of samples.entries()) {
      const sample: Sample = { cursor };
      for (const system of SYSTEMS) {
        log(`${system}, ${label}: statements and PROFILE`);
        const { statements, answer } =
          system === 'ours' || system === 'library'
            ? await graphql(system, query[system]!(sample))
            : await runRaw(system, sample);
        const profiles: Profiled[] = [];
        for (const statement of statements) profiles.push(await profileOf(session, statement));
        captured.set(key(system, index), { statements, profiles, answer });
      }
    }
    log(`timing: ${runs} runs of each statement, in turn`);
    const allStatements = [...captured.values()].flatMap((entry) => entry.statements);
    const times = await timeAll(session, allStatements, runs);
    const outcomes = new Map<string, Outcome>(
      [...captured].map(([name, entry]) => [
        name,
        {
          statements: entry.statements,
          answer: entry.answer,
          measured: entry.statements.map((statement, i) => ({
            ...entry.profiles[i],
            medianMs: median(times.get(statement)!.wall),
            medianServerMs: median(times.get(statement)!.server),
          })),
        },
      ]),
    );

    const out: string[] = [];
    const line = (text = '') => out.push(text);
    const runtime = outcomes.get('ours|0')!.measured[0]?.runtime;
    line(`### The nested list as each system sends it to Neo4j`);
    line();
    line(
      `\`${query.name}\` (bench/queries.ts): 20 meetings, each with its participants and an official's nation. ` +
        `Graph: ${fmt(num(counts.nodes))} nodes, ${fmt(num(counts.rels))} relationships (${fmt(meetings)} meetings); ` +
        `Neo4j ${String(version)}${runtime ? `, ${runtime.toLowerCase()} runtime` : ''}. ` +
        `Written by \`npx tsx bench/explain.ts --data-dir ${path.basename(dataDir)}\` on ${new Date().toISOString().slice(0, 10)}.`,
    );
    line();
    line(
      `Two parameter samples, the same for every system: ${samples.map((s) => s.describe).join('; and ')}. ` +
        `db hits and rows are PROFILE's (exact; a \`COLLECT { }\` subquery or pattern comprehension inside an expression ` +
        `has no operators of its own: its db hits count on the operator that evaluates the expression). ` +
        `ms is the median of ${runs} serial runs of each statement without PROFILE, the ${allStatements.length} statements taken in turn ` +
        `after one untimed run each: the client's wall clock, and in brackets Neo4j's own time (result available + consumed). ` +
        `The machine may be shared, so the milliseconds are indicative; the db hits are not.`,
    );
    line();
    line(
      'Ours answers in one row: the page as a list of items, each with its fetched-ahead relations, read one past ' +
        '`first` (21 meetings, 21 participants, 2 nations at most) to tell whether more follow.',
    );
    line();
    line('| system | statements | page | db hits | rows | median ms (Neo4j) |');
    line('| ------ | ---------: | ---- | ------: | ---: | ----------------: |');
    for (const system of SYSTEMS) {
      for (const [index, { label }] of samples.entries()) {
        const outcome = outcomes.get(key(system, index))!;
        const hits = outcome.measured.reduce((sum, m) => sum + m.dbHits, 0);
        const rows = outcome.measured.map((m) => fmt(m.rows)).join(' + ');
        const wall = outcome.measured.reduce((sum, m) => sum + m.medianMs, 0);
        const server = outcome.measured.reduce((sum, m) => sum + m.medianServerMs, 0);
        line(
          `| ${index === 0 ? system : ''} | ${outcome.statements.length} | ${label} | ${fmt(hits)} | ${rows} | ${ms(wall)} (${ms(server)}) |`,
        );
      }
    }
    line();
    const agreement = samples.map((s, index) => {
      const answers = SYSTEMS.map((system) => outcomes.get(key(system, index))!.answer);
      const differing = SYSTEMS.filter((_system, i) => answers[i] !== answers[0]);
      const count = (JSON.parse(answers[0]) as unknown[]).length;
      return differing.length === 0
        ? `${s.label}: all four give the same ${count} meetings`
        : `${s.label}: **${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from ours**`;
    });
    line(`Same data (as bench/run.ts compares it, nested lists as sets): ${agreement.join('; ')}.`);

    const about: Record<System, string> = {
      ours: 'Our API (src/), the operation executed in-process through the schema and a request context as the server builds them; the statements its database gateway ran.',
      library:
        '@neo4j/graphql 7.6.3 with the type definitions and features of bench/library-server.ts, executed in-process; the statements it ran through the driver.',
      raw: 'bench/raw-server.ts `nested`: our semantics by hand (retractions left out at every level, participants ordered and capped).',
      'raw-min':
        'bench/raw-server.ts `nested-min`: the lower bound (no retraction checks, participants in storage order).',
    };
    for (const system of SYSTEMS) {
      line();
      line(`#### ${system}`);
      line();
      line(about[system]);
      if (system === 'ours' || system === 'library') {
        line();
        line('```graphql');
        line(query[system]!({ cursor: samples[1].cursor }).query);
        line('```');
      }
      let previous: string | undefined;
      for (const [index, { label }] of samples.entries()) {
        const outcome = outcomes.get(key(system, index))!;
        line();
        line(`**${label}**`);
        for (const [i, statement] of outcome.statements.entries()) {
          const measured = outcome.measured[i];
          line();
          if (outcome.statements.length > 1) line(`Statement ${i + 1} of ${outcome.statements.length}:`);
          if (statement.cypher === previous) {
            line('The same Cypher as above, with');
          } else {
            line('```cypher');
            line(statement.cypher.replace(/\s+$/, ''));
            line('```');
            line();
            line('with');
          }
          previous = statement.cypher;
          line();
          line('```json');
          line(paramsJson(statement.params));
          line('```');
          line();
          line(
            `PROFILE: ${fmt(measured.dbHits)} db hits, ${fmt(measured.rows)} row${measured.rows === 1 ? '' : 's'}, peak memory ${fmt(Math.round(measured.memoryBytes / 1024))} KiB; ` +
              `median of ${runs} runs ${ms(measured.medianMs)} ms (Neo4j ${ms(measured.medianServerMs)} ms).`,
          );
          line();
          line('```text');
          line(measured.tree);
          line('```');
        }
      }
    }
    const markdown = `${out.join('\n')}\n`;
    process.stdout.write(markdown);
    if (values.out) {
      writeFileSync(values.out, markdown);
      log(`written to ${values.out}`);
    }
  } finally {
    await session.close();
    await driver.close();
    await libraryDriver.close();
    await ourDb.close();
    await local.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `explain failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
