/**
 * The formats `npm run export -- --format NAME` writes: one entry each. A writer streams its export
 * to `out` (a file or stdout) with backpressure; it may end `out` itself (a pipeline does) and may
 * answer how many items it wrote.
 */
import type { Writable } from 'node:stream';
import type { GraphDatabase } from '../graph/database';
import { writeDocumentsJsonl } from './documents-jsonl';

export interface ExportFormat {
  /** What the format holds, for the usage line. */
  description: string;
  write(db: GraphDatabase, out: Writable): Promise<number | void>;
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  jsonl: { description: 'every source as one JSON line in the import format', write: writeDocumentsJsonl },
};
