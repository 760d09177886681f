/**
 * `npm run export -- --all DIR` writes the full backup (docs/backup.md); `npm run export --
 * --format NAME [--out FILE]` writes one format (export-formats.ts) to a file or stdout. Uses the
 * import's database: NEO4J_URI, else the local Neo4j on LOCAL_NEO4J_DATA_DIR. Bad arguments: one
 * line and exit code 2, before any database is opened.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ConfigError, loadConfig } from '../config';
import { openCliDatabase } from '../local-neo4j/cli-database';
import { createLogger } from '../logger';
import { writeBackup } from './backup';
import { parseExportArgs } from './export-args';
import { EXPORT_FORMATS } from './export-formats';

async function main(): Promise<number> {
  const parsed = parseExportArgs(process.argv.slice(2), Object.keys(EXPORT_FORMATS));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { request } = parsed;
  const config = loadConfig();
  const { db, close } = await openCliDatabase(config, createLogger('warn'));
  try {
    if (request.kind === 'backup') {
      const manifest = await writeBackup(db, request.directory);
      const curation = Object.values(manifest.curation).reduce((sum, count) => sum + count, 0);
      process.stderr.write(
        `backup written to ${request.directory}: ${manifest.documents} documents, ${curation} curation records\n`,
      );
      if (manifest.notExported > 0)
        process.stderr.write(
          `warning: ${manifest.notExported} records no document could hold (see manifest.json)\n`,
        );
      return 0;
    }
    const out = request.out ? createWriteStream(request.out) : process.stdout;
    const count = await EXPORT_FORMATS[request.format].write(db, out);
    if (request.out) {
      if (!out.writableEnded) out.end();
      await finished(out);
    } else if (!process.stdout.writableEnded) {
      // Let stdout drain before the process exits.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    }
    const what = typeof count === 'number' ? `${count} written` : 'written';
    process.stderr.write(`${what}${request.out ? ` to ${request.out}` : ''}\n`);
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? '' : 'export failed: '}${(error as Error).message.split('\n')[0]}\n`,
    );
    process.exit(1);
  },
);
