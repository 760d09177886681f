/**
 * Every source as one JSON line in the import format (document-from-graph.ts), in source id
 * order, read a page of sources at a time so memory stays bounded whatever the graph's size. Each
 * page also yields what its documents cannot hold (later links, claims) for the backup's
 * curation.jsonl. Each document is checked with the import's own validator before it is written:
 * an export that could not be imported back fails here, naming the source.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { GraphDatabase, RunOptions } from '../graph/database';
import { groupBy } from '../group-by';
import { formatDocumentError, validateDocument } from '../ingest/document.validate';
import type { ClaimsRecord, CurationRecord } from './curation.format';
import {
  documentFromGraph,
  type ClaimOfSource,
  type EvidenceAt,
  type RecordRow,
  type SourceRow,
} from './document-from-graph';
import { claimsOfSourcesQuery, mentionedRecordsQuery, sourcesPageQuery } from './backup.cypher';

/** Sources per page: their texts and records are held together, so keep it modest. */
export const SOURCES_PER_PAGE = 25;

export interface ExportedPage {
  /** One JSON line (with its newline) per source. */
  lines: string[];
  /** Curation records for these sources: links their documents leave to later, and their claims. */
  curation: CurationRecord[];
  notExported: string[];
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** Rows of several sources, by source id. */
const bySource = <T extends { sourceId: unknown }>(rows: readonly T[]) =>
  groupBy(rows, (row) => String(row.sourceId));

/** One source's claims as curation records, a record per meeting, in the order read. */
function claimsRecords(sourceId: string, claims: readonly ClaimOfSource[]): ClaimsRecord[] {
  const byFact = new Map<string, ClaimsRecord>();
  for (const claim of claims) {
    let record = byFact.get(claim.fact);
    if (!record) {
      record = { kind: 'claims', source: sourceId, fact: claim.fact, claims: [] };
      byFact.set(claim.fact, record);
    }
    const { id, field, value, number, unit, approximate, evidence } = claim;
    record.claims.push({
      id,
      field,
      value,
      number,
      unit,
      approximate,
      evidence: evidence.map(({ start, excerpt }) => ({ start, excerpt })),
    });
  }
  return [...byFact.values()];
}

/** Pages of exported documents, in source id order. */
export async function* exportDocumentPages(
  db: GraphDatabase,
  pageSize = SOURCES_PER_PAGE,
  options: RunOptions = {},
): AsyncGenerator<ExportedPage> {
  let after: string | null = null;
  for (;;) {
    const sources = (await db.read(sourcesPageQuery(after, pageSize), options)) as unknown as SourceRow[];
    if (sources.length === 0) return;
    const ids = sources.map((source) => source.id);
    const records = bySource(
      (await db.read(mentionedRecordsQuery(ids), options)) as unknown as (RecordRow & { sourceId: string })[],
    );
    const claims = bySource(
      (await db.read(claimsOfSourcesQuery(ids), options)) as unknown as (ClaimOfSource & {
        sourceId: string;
        evidence: EvidenceAt[];
      })[],
    );
    const page: ExportedPage = { lines: [], curation: [], notExported: [] };
    // A page's records grouped by kind (each in source order), so a restore writes each group in
    // one transaction rather than a few records at a time.
    const laterLinks: CurationRecord[] = [];
    const mentions: CurationRecord[] = [];
    const claimed: CurationRecord[] = [];
    const hashes: CurationRecord[] = [];
    for (const source of sources) {
      const ownClaims = claims.get(source.id) ?? [];
      const ownRecords = records.get(source.id) ?? [];
      let rebuilt = documentFromGraph(source, ownRecords, ownClaims);
      let validated = validateDocument(rebuilt.document, source.id);
      if (!validated.ok) {
        // Records the format refuses in this document (a quote in another source's words) are
        // left to mention records; anything else is a fault of the export, reported whole.
        const faulty = new Set(validated.errors.map((error) => error.record));
        rebuilt = documentFromGraph(source, ownRecords, ownClaims, faulty);
        validated = validateDocument(rebuilt.document, source.id);
      }
      if (!validated.ok) {
        throw new ExportError(
          `the graph's ${source.id} does not make a valid document: ${validated.errors.map(formatDocumentError).join('; ')}`,
        );
      }
      page.lines.push(`${JSON.stringify(rebuilt.document)}\n`);
      laterLinks.push(...rebuilt.laterLinks);
      mentions.push(...rebuilt.mentions);
      claimed.push(...claimsRecords(source.id, ownClaims));
      if (source.contentHash)
        hashes.push({ kind: 'source-hash', source: source.id, contentHash: source.contentHash });
      page.notExported.push(...rebuilt.notExported);
    }
    page.curation.push(...laterLinks, ...mentions, ...claimed, ...hashes);
    yield page;
    after = ids[ids.length - 1];
  }
}

/**
 * Writes text, waiting for the stream to drain when its buffer is full (backpressure). A stream
 * closed meanwhile (a client that hung up) ends the export with an error rather than a wait forever.
 */
export async function writeWithBackpressure(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new ExportError('the output was closed before the export ended');
  if (out.write(text)) return;
  const closed = new AbortController();
  await Promise.race([
    once(out, 'drain', { signal: closed.signal }),
    once(out, 'close', { signal: closed.signal }).then(() => {
      throw new ExportError('the output was closed before the export ended');
    }),
  ]).finally(() => closed.abort());
}

/**
 * Streams every source as a JSON line to `out` (a file, stdout, an HTTP response); returns the
 * count. `options.gate`: an HTTP client's share of the connection pool.
 */
export async function writeDocumentsJsonl(
  db: GraphDatabase,
  out: Writable,
  options: RunOptions = {},
): Promise<number> {
  let documents = 0;
  for await (const page of exportDocumentPages(db, SOURCES_PER_PAGE, options)) {
    for (const line of page.lines) await writeWithBackpressure(out, line);
    documents += page.lines.length;
  }
  return documents;
}
