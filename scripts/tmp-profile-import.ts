import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../src/local-neo4j/launcher';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { scriptDatabase } from './lib/script-db';
import { generateCorpus } from './lib/synthetic-documents';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'prof-neo4j-'));
  const local = await startLocalNeo4j({ dataDir, heapMb: 1024, pageCacheMb: 512 });
  const db = scriptDatabase(local.uri);
  const times = new Map<string, { ms: number; n: number }>();
  const original = db.write.bind(db);
  (db as any).write = (work: any, options?: any) =>
    original(async (tx: any) =>
      work({
        ...tx,
        run: async (query: any) => {
          const t = process.hrtime.bigint();
          try { return await tx.run(query); } finally {
            const key = query.cypher.split('\n').slice(0, 3).join(' ').slice(0, 90);
            const e = times.get(key) ?? { ms: 0, n: 0 };
            e.ms += Number(process.hrtime.bigint() - t) / 1e6; e.n += 1; times.set(key, e);
          }
        },
        created: tx.created,
      }), options);
  await applyGraphSchema(db);
  const corpus = generateCorpus({ documents: Number(process.argv[2] ?? 150), rereports: true } as any);
  const docs = (corpus as any).documents ?? corpus;
  const t0 = Date.now();
  for (const [i, d] of docs.entries()) {
    const v = validateDocument(d, `d${i}`);
    if (!v.ok) throw new Error('invalid');
    const t = Date.now();
    await loadDocument(db, v.document, `d${i}`, v.unresolvedReferences);
    if (i === 0) console.log('registry', Date.now() - t, 'ms');
  }
  console.log('total', Date.now() - t0, 'ms for', docs.length);
  for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(v.ms.toFixed(0).padStart(7), String(v.n).padStart(5), k);
  await db.close(); await local.stop();
}
void main();
