/**
 * `npm run export -- --all DIR`: the full backup of the graph in a directory: documents.jsonl (every
 * source in the import format), curation.jsonl (what the format cannot hold, replayed after the
 * documents) and manifest.json (counts, to check a restore against). docs/backup.md.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { GraphDatabase } from '../graph/database';
import { BACKUP_FORMAT, type BackupManifest, type CurationRecord } from './curation.format';
import { curationTail } from './curation-records';
import { exportDocumentPages, writeWithBackpressure } from './documents-jsonl';
import { graphCountsQuery } from './backup.cypher';

export const BACKUP_FILES = {
  documents: 'documents.jsonl',
  curation: 'curation.jsonl',
  manifest: 'manifest.json',
} as const;

/** The graph's node counts per label and relationship counts per type, in name order. */
export async function graphCounts(db: GraphDatabase): Promise<BackupManifest['graph']> {
  const [row] = await db.read(graphCountsQuery());
  const toRecord = (pairs: unknown) =>
    Object.fromEntries((pairs as [string, number][]).map(([name, count]) => [name, count]));
  return { nodes: toRecord(row.nodes), relationships: toRecord(row.relationships) };
}

async function close(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}

export async function writeBackup(db: GraphDatabase, directory: string): Promise<BackupManifest> {
  mkdirSync(directory, { recursive: true });
  const documents = createWriteStream(path.join(directory, BACKUP_FILES.documents));
  const curation = createWriteStream(path.join(directory, BACKUP_FILES.curation));
  const kinds: Record<string, number> = {};
  const writeRecord = async (record: CurationRecord) => {
    kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
    await writeWithBackpressure(curation, `${JSON.stringify(record)}\n`);
  };
  let documentCount = 0;
  let notExported = 0;
  try {
    for await (const page of exportDocumentPages(db)) {
      for (const line of page.lines) await writeWithBackpressure(documents, line);
      for (const record of page.curation) await writeRecord(record);
      documentCount += page.lines.length;
      notExported += page.notExported.length;
    }
    for await (const record of curationTail(db)) await writeRecord(record);
  } finally {
    await Promise.all([close(documents), close(curation)]);
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    exportedAt: new Date().toISOString(),
    files: { documents: BACKUP_FILES.documents, curation: BACKUP_FILES.curation },
    documents: documentCount,
    curation: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1))),
    notExported,
    graph: await graphCounts(db),
  };
  writeFileSync(path.join(directory, BACKUP_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
