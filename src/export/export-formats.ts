/**
 * The formats `npm run export -- --format NAME` writes: one entry each. A writer streams its export
 * to `out` (a file or stdout) with backpressure; it may end `out` itself (a pipeline does) and may
 * answer how many items it wrote. A format with parameters reads them with its HTTP route's own
 * parser, so `--actor nation:gbr` means what `?actor=nation:gbr` means on `GET /export/…`.
 */
import type { Writable } from 'node:stream';
import { BadUserInputError } from '../errors';
import type { GraphDatabase } from '../graph/database';
import { GraphReader } from '../graph/graph-reader';
import { NetworkService } from '../modules/network/network.service';
import { csvPlanFromQuery } from '../server/export-routes';
import { NETWORK_FILE_FORMATS, networkFor, singleValues } from '../server/network-export-routes';
import { writeDocumentsJsonl, writeWithBackpressure } from './documents-jsonl';
import { writeExportCsv } from './write-csv';

export interface ExportFormat {
  /** What the format holds, for the usage line. */
  description: string;
  /** Whether it takes `--name value` parameters (those of its GET /export route). */
  takesParameters: boolean;
  write(db: GraphDatabase, out: Writable, parameters: Record<string, string>): Promise<number | void>;
}

/** `--type statements --from …` as the CSV route's `statements.csv?from=…`. */
async function writeCsv(db: GraphDatabase, out: Writable, parameters: Record<string, string>) {
  const { type, ...query } = parameters;
  if (type === undefined)
    throw new BadUserInputError('--format csv needs --type: an export name such as statements or nations.');
  const { plan, bom } = csvPlanFromQuery(`${type}.csv`, query);
  await writeExportCsv(db, plan, out, { bom });
}

/** A network (or ego network) with the parameters of GET /export/network.<extension>. */
function networkFile(extension: keyof typeof NETWORK_FILE_FORMATS): ExportFormat['write'] {
  return async (db, out, parameters) => {
    const result = await networkFor(new NetworkService(new GraphReader(db)), singleValues(parameters));
    const text = NETWORK_FILE_FORMATS[extension].write(result.graph);
    await writeWithBackpressure(out, text);
    return result.graph.order;
  };
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  jsonl: {
    description: 'every source as one JSON line in the import format',
    takesParameters: false,
    write: (db, out) => writeDocumentsJsonl(db, out),
  },
  csv: { description: 'one entity or fact type (--type) as CSV', takesParameters: true, write: writeCsv },
  graphml: {
    description: 'an actor network as GraphML',
    takesParameters: true,
    write: networkFile('graphml'),
  },
  gexf: { description: 'an actor network as GEXF', takesParameters: true, write: networkFile('gexf') },
};
