/**
 * `npx tsx scripts/index-walks.ts --data-dir DIR [--runs R]`
 *
 * The listings that read pages along index walks (docs/index-walks.md), side by side with the
 * plan each replaces (every match found and sorted), on the same database, alternating run by run:
 * checks both give the same page, then prints each one's PROFILE db hits and median ms. The graph
 * is used as it is (a benchmark's kept graph, say); startup's schema step runs first and its time
 * is printed, since on a graph written before the copies existed it backfills them.
 */
import 'reflect-metadata';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { parseArgs } from 'node:util';
import type { CypherQuery } from '../src/graph/cypher';
import { Label } from '../src/graph/model';
import type { ItemPlan, RootPageSpec } from '../src/graph/page-spec';
import { rootPageQuery } from '../src/graph/paging.cypher';
import { applyGraphSchema } from '../src/graph/schema';
import { reuseOrStartLocalNeo4j } from '../src/local-neo4j/reuse-or-start';
import { timelineQuery } from '../src/modules/analysis/analysis.cypher';
import { meetingsQuery } from '../src/modules/meeting/meeting.cypher';
import { POSITION_HOLDER, positionsQuery } from '../src/modules/position/position.cypher';
import { scriptDatabase } from './lib/script-db';

/** What the benchmark's stance query reads of each position: its summary and its holder's name. */
const STANCE_ITEMS: ItemPlan = {
  properties: ['summary'],
  relations: [{ spec: POSITION_HOLDER, first: 1, items: { properties: ['name'], relations: [] } }],
};
const IDS: ItemPlan = { properties: [], relations: [] };
const NO_MEETING = {
  from: null,
  to: null,
  place: null,
  participant: null,
  chair: null,
  topic: null,
  status: null,
};

const LISTINGS: [string, RootPageSpec, ItemPlan][] = [
  [
    'positions(topic: "Trade", stance: [SUPPORTS])',
    positionsQuery({ stances: ['SUPPORTS'], holder: null, topic: 'Trade' }),
    STANCE_ITEMS,
  ],
  [
    'positions(topic: "Trade")',
    positionsQuery({ stances: null, holder: null, topic: 'Trade' }),
    STANCE_ITEMS,
  ],
  ['timeline(actor: "nation:xab")', timelineQuery(Label.Nation, 'nation:xab', null, null), IDS],
  [
    'timeline(actor: "official:official-xab-0", from, to)',
    timelineQuery(Label.Official, 'official:official-xab-0', '2024-02-01', '2024-05-01'),
    IDS,
  ],
  ['meetings(participant: "nation:xab")', meetingsQuery({ ...NO_MEETING, participant: 'nation:xab' }), IDS],
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

interface ProfiledPlan {
  dbHits?: number;
  children?: ProfiledPlan[];
}

function dbHits(plan: ProfiledPlan): number {
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((sum, child) => sum + dbHits(child), 0);
}

async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '20' } },
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  const runs = Number(values.runs);
  const neo4j = await reuseOrStartLocalNeo4j({
    dataDir: path.resolve(values['data-dir']),
    heapMb: 2048,
    pageCacheMb: 1024,
  });
  const db = scriptDatabase(neo4j.uri);
  // PROFILE needs the driver's result summary, which the API's gateway does not pass on.
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', 'neo4j'));
  const session = driver.session({ defaultAccessMode: neo4jDriver.session.READ });
  const read = async (query: CypherQuery) => (await session.run(query.cypher, query.params)).records;
  try {
    const started = Date.now();
    await applyGraphSchema(db);
    process.stdout.write(`schema step (with any backfill): ${Date.now() - started} ms\n\n`);
    process.stdout.write(
      'listing                                               walks hits   sort-all hits   walks p50 ms   sort-all p50 ms\n',
    );
    for (const [name, spec, items] of LISTINGS) {
      const window = { first: 20, after: undefined };
      const variants: Record<'walks' | 'sorted', CypherQuery> = {
        walks: rootPageQuery(spec, window, items),
        sorted: rootPageQuery({ ...spec, indexedWalks: undefined }, window, items),
      };
      const [a, b] = [await read(variants.walks), await read(variants.sorted)];
      const page = (records: Awaited<ReturnType<typeof read>>) =>
        JSON.stringify(records.map((r) => r.toObject()));
      if (page(a) !== page(b)) throw new Error(`${name}: the two plans give different pages`);
      const hits = { walks: 0, sorted: 0 };
      for (const variant of ['walks', 'sorted'] as const) {
        const query = variants[variant];
        const result = await session.run(`PROFILE ${query.cypher}`, query.params);
        hits[variant] = dbHits(result.summary.profile as ProfiledPlan);
      }
      const times = { walks: [] as number[], sorted: [] as number[] };
      for (let run = 0; run < runs + 2; run += 1) {
        for (const variant of ['walks', 'sorted'] as const) {
          const t0 = performance.now();
          await read(variants[variant]);
          if (run >= 2) times[variant].push(performance.now() - t0);
        }
      }
      process.stdout.write(
        `${name.padEnd(53)} ${String(hits.walks).padStart(10)}   ${String(hits.sorted).padStart(13)}   ${percentile(times.walks, 50).toFixed(1).padStart(12)}   ${percentile(times.sorted, 50).toFixed(1).padStart(15)}\n`,
      );
    }
  } finally {
    await session.close();
    await driver.close();
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
