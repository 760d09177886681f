/**
 * `npm run bench:rereports -- [--documents N] [--share S] [--no-plain]`: same-event matching at
 * scale. Generates N synthetic event documents of which a share S (a third by default) re-report an
 * earlier document's meetings, statements and positions under new ids, with one official under a
 * spelling variant of the name (scripts/lib/synthetic-documents.ts, `rereports`); imports the
 * registry and the documents into a fresh local Neo4j; prints facts per second, peak memory, and
 * how many meetings, statements, positions and officials the graph holds against how many distinct
 * ones were generated. Any difference is a matching failure: the exit code is 1. Then, unless
 * `--no-plain`, imports N plain documents (no re-reports, the corpus of `npm run import:throughput`)
 * into a second fresh Neo4j, so both speeds stand side by side, each also as a ratio to 2,244
 * facts/s, what `npm run import:throughput` measured before same-event matching existed.
 *
 * Always starts its own local Neo4j (NEO4J_URI is ignored): the counts need empty databases.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Label } from '../src/graph/model';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import type { Document } from '../src/ingest/document.format';
import { validateDocument } from '../src/ingest/document.validate';
import { startLocalNeo4j } from '../src/local-neo4j/launcher';
import { scriptDatabase } from './lib/script-db';
import { generateCorpus, type SyntheticCorpus } from './lib/synthetic-documents';

/** `npm run import:throughput` (1,200 documents, 100,800 facts) before same-event matching. */
const BASELINE_FACTS_PER_SECOND = 2244;
const COUNTED = ['meetings', 'statements', 'positions', 'officials'] as const;
type Counted = (typeof COUNTED)[number];
const LABEL_OF: Record<Counted, Label> = {
  meetings: Label.Meeting,
  statements: Label.Statement,
  positions: Label.Position,
  officials: Label.Official,
};

interface Run {
  name: string;
  documents: number;
  facts: number;
  seconds: number;
  importerPeakMb: number;
  neo4jPeakMb: number;
  inGraph: Record<Counted, number>;
}

function peakRssMb(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Resets this process's peak RSS (Linux), so the second import's peak is its own. */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole process.
  }
}

const perSecond = (run: Run) => run.facts / run.seconds;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function importIntoFreshNeo4j(name: string, documents: Document[]): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rereports-neo4j-'));
  const local = await startLocalNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 512 });
  const db = scriptDatabase(local.uri, process.env.NEO4J_PASSWORD ?? 'neo4j');
  try {
    await applyGraphSchema(db);
    resetPeakRss();
    const started = Date.now();
    let facts = 0;
    for (const [index, document] of documents.entries()) {
      const file = `synthetic-${index}.json`;
      const validated = validateDocument(document, file);
      if (!validated.ok)
        throw new Error(`generated document ${index} is invalid: ${validated.errors[0].message}`);
      const { outcome } = await loadDocument(db, validated.document, file, validated.unresolvedReferences);
      facts += outcome.facts;
    }
    const seconds = (Date.now() - started) / 1000;
    const inGraph = {} as Record<Counted, number>;
    for (const counted of COUNTED) {
      const [row] = await db.read({
        cypher: `MATCH (n:${LABEL_OF[counted]}) RETURN count(n) AS n`,
        params: {},
      });
      inGraph[counted] = Number(row.n);
    }
    const run: Run = {
      name,
      documents: documents.length,
      facts,
      seconds,
      importerPeakMb: peakRssMb('self'),
      neo4jPeakMb: peakRssMb(local.pid),
      inGraph,
    };
    out(
      `${name}: imported ${documents.length} documents: ${facts} facts in ${seconds.toFixed(1)} s = ${perSecond(run).toFixed(0)} facts/s ` +
        `(${(perSecond(run) / BASELINE_FACTS_PER_SECOND).toFixed(2)}x the baseline of ${BASELINE_FACTS_PER_SECOND} facts/s)`,
    );
    out(
      `${name}: peak RSS: importer ${run.importerPeakMb.toFixed(0)} MB, Neo4j ${run.neo4jPeakMb.toFixed(0)} MB`,
    );
    return run;
  } finally {
    await db.close();
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the graph's counts against the distinct ones generated; returns the differences. */
function check(run: Run, corpus: SyntheticCorpus, binding: boolean): string[] {
  const failures: string[] = [];
  for (const counted of COUNTED) {
    const [graph, expected] = [run.inGraph[counted], corpus.distinct[counted]];
    const difference = graph - expected;
    const verdict = difference === 0 ? 'ok' : binding ? 'MISMATCH' : 'differs';
    const what = counted === 'officials' ? 'registry officials' : `distinct ${counted} generated`;
    out(
      `${run.name}: ${counted} in graph ${graph}, ${what} ${expected}: ${verdict}${difference === 0 ? '' : ` (${difference > 0 ? '+' : ''}${difference})`}`,
    );
    if (difference !== 0) failures.push(`${counted}: ${graph} in graph, ${expected} expected`);
  }
  return failures;
}

async function main() {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '1200' },
      share: { type: 'string', default: String(1 / 3) },
      'no-plain': { type: 'boolean', default: false },
    },
  });
  const documents = Number(values.documents);
  const share = Number(values.share);
  if (!Number.isInteger(documents) || documents < 1)
    throw new Error('--documents must be a whole number of 1 or more');

  const generated = Date.now();
  const corpus = generateCorpus({ documents, rereports: true, rereportShare: share });
  out(
    `re-reports: generated ${corpus.documents.length} documents (a registry, ${documents - corpus.rereportOf.size} originals, ` +
      `${corpus.rereportOf.size} re-reports) in ${Date.now() - generated} ms; distinct: ${COUNTED.map((c) => `${corpus.distinct[c]} ${c}`).join(', ')}`,
  );
  const rereports = await importIntoFreshNeo4j('re-reports', corpus.documents);
  const failures = check(rereports, corpus, true);

  let plain: Run | undefined;
  if (!values['no-plain']) {
    const plainCorpus = generateCorpus({ documents });
    plain = await importIntoFreshNeo4j('plain', plainCorpus.documents);
    // The plain corpus makes no promise that its events are distinct: for information only.
    check(plain, plainCorpus, false);
  }

  out('');
  out('run          documents   facts     seconds  facts/s  x baseline  importer MB  Neo4j MB');
  for (const run of [rereports, plain].filter((r): r is Run => r !== undefined))
    out(
      `${run.name.padEnd(12)} ${String(run.documents).padStart(9)} ${String(run.facts).padStart(7)} ${run.seconds.toFixed(1).padStart(11)} ${perSecond(run).toFixed(0).padStart(8)} ${(perSecond(run) / BASELINE_FACTS_PER_SECOND).toFixed(2).padStart(11)} ${run.importerPeakMb.toFixed(0).padStart(12)} ${run.neo4jPeakMb.toFixed(0).padStart(9)}`,
    );
  out(
    `baseline: ${BASELINE_FACTS_PER_SECOND} facts/s (npm run import:throughput before same-event matching)`,
  );
  if (failures.length > 0) {
    out(`FAILED: the graph does not hold exactly the distinct events: ${failures.join('; ')}`);
    process.exitCode = 1;
  } else out('ok: every re-report matched what it re-reports, and nothing else merged');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
