/**
 * `npm run bench:listing -- [--data-dir DIR] [--documents N] [--runs R]`
 *
 * The unfiltered statements and positions listings, side by side: read along the sortDate index
 * (what the API does) against sorting every node by date (what it did before sortDate existed),
 * on the same database, alternating run by run. Prints the median and p90 of each, the ratio, and
 * how long startup's sortDate backfill took (nodes of a graph written before it lack the key).
 * With --data-dir, an existing graph (for example the benchmark's large one) is used as it is;
 * without, a synthetic graph of --documents event documents is imported into a temporary one.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RootPageSpec } from '../src/graph/page-spec';
import { rootPageQuery } from '../src/graph/paging.cypher';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { reuseOrStartLocalNeo4j } from '../src/local-neo4j/reuse-or-start';
import { positionsQuery } from '../src/modules/position/position.cypher';
import { statementsQuery } from '../src/modules/statement/statement.cypher';
import { scriptDatabase } from './lib/script-db';
import { generateDocuments } from './lib/synthetic-documents';

const NO_STATEMENT = { speaker: null, meeting: null, topic: null, text: null, kind: null };

/** The listing as it was before: no index order, so every match is sorted by date. */
function sortedByDate(spec: RootPageSpec): RootPageSpec {
  return { match: spec.match, params: spec.params, sortKey: 'n.date' };
}

const LISTINGS: [string, RootPageSpec][] = [
  ['statements(first: 20)', statementsQuery(NO_STATEMENT)],
  ['statements(first: 20, filter: { kind: QUOTE })', statementsQuery({ ...NO_STATEMENT, kind: 'QUOTE' })],
  ['positions(first: 20)', positionsQuery({ stances: null, holder: null, topic: null })],
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      documents: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '30' },
    },
  });
  const runs = Number(values.runs);
  const keep = values['data-dir'] !== undefined;
  const dataDir = keep ? path.resolve(values['data-dir']!) : mkdtempSync(path.join(os.tmpdir(), 'listing-'));
  // A kept graph may be open in another process already (a benchmark's API): use that one then.
  const neo4j = await reuseOrStartLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024 });
  const db = scriptDatabase(neo4j.uri);
  try {
    const [before] = await db.read({
      cypher:
        'CALL () { MATCH (n:Statement) WHERE n.sortDate IS NULL RETURN count(n) AS statements } CALL () { MATCH (n:Position) WHERE n.sortDate IS NULL RETURN count(n) AS positions } RETURN statements, positions',
      params: {},
    });
    const started = Date.now();
    await applyGraphSchema(db);
    process.stdout.write(
      `schema step: ${Date.now() - started} ms, backfilling sortDate on ${before.statements} statements and ${before.positions} positions\n`,
    );
    if (!keep) {
      for (const [index, document] of generateDocuments({ documents: Number(values.documents) }).entries()) {
        const validated = validateDocument(document, `synthetic-${index}`);
        if (!validated.ok) throw new Error(validated.errors[0].message);
        await loadDocument(db, validated.document, `synthetic-${index}`, validated.unresolvedReferences);
      }
    }
    const [counts] = await db.read({
      cypher:
        'CALL () { MATCH (n:Statement) RETURN count(n) AS statements } CALL () { MATCH (n:Position) RETURN count(n) AS positions } RETURN statements, positions',
      params: {},
    });
    process.stdout.write(`graph: ${counts.statements} statements, ${counts.positions} positions\n\n`);
    process.stdout.write(
      'listing                                            index p50/p90 ms   sort-all p50/p90 ms   sort-all / index (p50)\n',
    );

    for (const [name, spec] of LISTINGS) {
      const window = { first: 20, after: undefined };
      const variants = {
        index: rootPageQuery(spec, window),
        sorted: rootPageQuery(sortedByDate(spec), window),
      };
      // Both must give the same page, or the comparison means nothing.
      const [a, b] = [await db.read(variants.index), await db.read(variants.sorted)];
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`${name}: the two plans return different pages`);
      const times = { index: [] as number[], sorted: [] as number[] };
      for (let run = 0; run < runs + 3; run += 1) {
        for (const variant of ['index', 'sorted'] as const) {
          const t0 = performance.now();
          await db.read(variants[variant]);
          if (run >= 3) times[variant].push(performance.now() - t0);
        }
      }
      const cell = (list: number[]) =>
        `${percentile(list, 50).toFixed(1)} / ${percentile(list, 90).toFixed(1)}`;
      process.stdout.write(
        `${name.padEnd(50)} ${cell(times.index).padStart(16)}   ${cell(times.sorted).padStart(19)}   ${(percentile(times.sorted, 50) / percentile(times.index, 50)).toFixed(1).padStart(10)}×\n`,
      );
    }
  } finally {
    await db.close();
    await neo4j.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
