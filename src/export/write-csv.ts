/**
 * CSV output of an export: RFC 4180 (comma, double quotes doubled inside quoted cells, CRLF line
 * ends), UTF-8, a header row, every cell through csvCell (lists joined, formulas defused). Shared
 * by the HTTP routes and any CLI: they differ only in where the stream goes.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { GraphDatabase } from '../graph/database';
import { csvCell } from './csv-cell';
import type { FactFilter } from './export.cypher';
import { planExport, type ExportPlan } from './export-plan';
import { exportRecords, type ExportReadOptions } from './export-records';
import type { EntityExportName, FactExportName } from './export-types';

export interface CsvExportOptions extends ExportReadOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8. */
  bom?: boolean;
}

/**
 * The export as CSV text, once its first batch has been read: a fault up to then (a database
 * outage, a refused read) rejects here, before a byte exists, so a server can still answer with
 * an error status. Later faults destroy the returned stream with the error. Reading stops when
 * the stream is destroyed (the consumer went away) and pauses while it is not read (backpressure:
 * the next batch is fetched only as the previous rows drain).
 */
export async function openCsvExport(
  db: GraphDatabase,
  plan: ExportPlan,
  options: CsvExportOptions = {},
): Promise<Readable> {
  const records = exportRecords(db, plan, options);
  const first = await records.next();
  async function* cells(): AsyncGenerator<string[]> {
    try {
      if (first.done) return;
      yield first.value.map(csvCell);
      for await (const record of records) yield record.map(csvCell);
    } finally {
      // Stopped early (the output was destroyed): end the reader between batches.
      await records.return();
    }
  }
  const csv = stringify({
    header: true,
    columns: plan.headers,
    record_delimiter: 'windows',
    bom: options.bom === true,
  });
  // A failure destroys `csv` with the error, which is how the consumer learns of it.
  pipeline(Readable.from(cells()), csv).catch(() => undefined);
  return csv;
}

/**
 * Writes the whole export to `out` and ends it. Rejects on any failure: before the first batch
 * with `out` untouched, later with `out` destroyed (a file or response cut short, never ended as
 * if complete).
 */
export async function writeExportCsv(
  db: GraphDatabase,
  plan: ExportPlan,
  out: Writable,
  options: CsvExportOptions = {},
): Promise<void> {
  await pipeline(await openCsvExport(db, plan, options), out);
}

/** A fact export (meetings, statements, positions, roles) as CSV; throws BadUserInputError for a bad filter. */
export async function writeFactsCsv(
  db: GraphDatabase,
  type: FactExportName,
  filter: FactFilter,
  out: Writable,
  options: CsvExportOptions = {},
): Promise<void> {
  await writeExportCsv(db, planExport(type, filter), out, options);
}

/** An entity export (nations, officials, organizations, topics, places, sources) as CSV. */
export async function writeEntitiesCsv(
  db: GraphDatabase,
  type: EntityExportName,
  out: Writable,
  options: CsvExportOptions = {},
): Promise<void> {
  await writeExportCsv(db, planExport(type), out, options);
}
