/**
 * Reads an export as a sequence of rows, one keyset batch at a time: the next batch is read only
 * when the consumer has taken the last row of this one, so memory holds one batch whatever the
 * export's size, and a consumer that stops (a client gone) stops the reading. Format-neutral:
 * CSV (write-csv.ts) and other writers take the same rows.
 */
import type { GraphDatabase, Row, RunOptions } from '../graph/database';
import type { QueryStats } from '../graph/query-stats';
import type { Plain } from '../graph/values';
import { BATCH_ROW, cellAlias, exportBatchQuery, type ExportCursor } from './export.cypher';
import type { ExportPlan } from './export-plan';

/** Nodes per batch statement: large enough that round trips don't dominate, small enough to hold. */
export const DEFAULT_BATCH_SIZE = 1_000;

export interface ExportReadOptions {
  /** Nodes (entities or facts, not rows) per statement; default DEFAULT_BATCH_SIZE. */
  batchSize?: number;
  /** The caller's share of the connection pool (server/client-gate.ts), as for GraphQL reads. */
  gate?: RunOptions['gate'];
  /** Bookmarks of an earlier write the reads must see. */
  bookmarks?: string[];
  /** Counts the batch statements (tests, and the round-trip accounting of a request). */
  stats?: QueryStats;
}

/**
 * The rows of `plan`, each the cells in `plan.headers` order as plain values (lists as arrays,
 * missing values as null). Each batch is its own read (retried like any read, bounded by the read
 * timeout), so no transaction stays open while a slow client drains the output. Rows written by
 * others between two batches appear if they sort after the cursor; a row's place never moves,
 * because keys are a fact's date and an id, so nothing is repeated or skipped that stayed put.
 */
export async function* exportRecords(
  db: GraphDatabase,
  plan: ExportPlan,
  options: ExportReadOptions = {},
): AsyncGenerator<Plain[], void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${batchSize}).`);
  const columns = plan.headers.length;
  let after: ExportCursor | null = null;
  for (;;) {
    const rows: Row[] = await db.read(exportBatchQuery(plan.type, plan.filter, after, batchSize), {
      gate: options.gate,
      bookmarks: options.bookmarks,
      stats: options.stats,
    });
    let nodes = 0;
    for (const row of rows) {
      if (row[BATCH_ROW.evidenceIndex] === 0) nodes += 1;
      const cells: Plain[] = [];
      for (let index = 0; index < columns; index += 1) cells.push(row[cellAlias(index)] ?? null);
      yield cells;
    }
    // Fewer nodes than asked for: that was the last batch (saves reading an empty one).
    if (nodes < batchSize || rows.length === 0) return;
    const last = rows[rows.length - 1];
    after = { key: String(last[BATCH_ROW.key]), id: String(last[BATCH_ROW.id]) };
  }
}
