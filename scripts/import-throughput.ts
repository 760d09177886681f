/**
 * `npm run import:throughput -- [--documents N]`: generates synthetic documents (default: about
 * 100,000 facts), validates and imports them into a fresh local Neo4j (or NEO4J_URI), and prints
 * facts per second and peak memory of this process and of the database.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/launcher';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { scriptDatabase } from './lib/script-db';
import { generateDocuments } from './lib/synthetic-documents';

function peakRssMb(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main() {
  const { values } = parseArgs({ options: { documents: { type: 'string', default: '1200' } } });
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'import-neo4j-'));
    local = await startLocalNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 512 });
    uri = local.uri;
  }
  const db = scriptDatabase(uri, process.env.NEO4J_PASSWORD ?? 'neo4j');
  try {
    await applyGraphSchema(db);
    const generated = Date.now();
    const documents = generateDocuments({ documents: Number(values.documents) });
    process.stdout.write(`generated ${documents.length} documents in ${Date.now() - generated} ms\n`);
    const started = Date.now();
    let facts = 0;
    let nodes = 0;
    let relationships = 0;
    for (const [index, document] of documents.entries()) {
      const validated = validateDocument(document, `synthetic-${index}.json`);
      if (!validated.ok)
        throw new Error(`generated document ${index} is invalid: ${validated.errors[0].message}`);
      const { outcome } = await loadDocument(
        db,
        validated.document,
        `synthetic-${index}.json`,
        validated.unresolvedReferences,
      );
      facts += outcome.facts;
      nodes += outcome.nodesCreated;
      relationships += outcome.relationshipsCreated;
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `imported ${documents.length} documents: ${facts} facts (${nodes} nodes, ${relationships} relationships created) in ${seconds.toFixed(1)} s = ${(facts / seconds).toFixed(0)} facts/s\n` +
        `peak RSS: importer ${peakRssMb('self').toFixed(0)} MB${local ? `, Neo4j ${peakRssMb(local.pid).toFixed(0)} MB` : ''}\n`,
    );
  } finally {
    await db.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
