/**
 * `npm run export -- --all DIR` writes the full backup (docs/backup.md); `npm run export --
 * --format NAME [--<parameter> VALUE ...] [--out FILE]` writes one format (export-formats.ts), with
 * the parameters of its GET /export route, to a file or stdout. Uses the
 * import's database: NEO4J_URI, else the local Neo4j on LOCAL_NEO4J_DATA_DIR. Bad arguments: one
 * line and exit code 2, before any database is opened.
 */
import 'reflect-metadata';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ConfigError, loadConfig } from '../config';
import { ApiError } from '../errors';
import { openCliDatabase } from '../local-neo4j/cli-database';
import { createLogger } from '../logger';
import { writeBackup } from './backup';
import { parseExportArgs } from './export-args';
import { EXPORT_FORMATS } from './export-formats';

async function main(): Promise<number> {
  const parsed = parseExportArgs(
    process.argv.slice(2),
    Object.keys(EXPORT_FORMATS),
    Object.keys(EXPORT_FORMATS).filter((name) => EXPORT_FORMATS[name].takesParameters),
  );
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
    // A file is written beside its name and renamed once whole: a refused or failed export leaves
    // no half-written file behind (stdout cannot be taken back; a CSV reads its first batch before
    // writing, so a bad parameter or an outage up to then still writes nothing).
    const partial = request.out ? `${request.out}.partial` : undefined;
    const out = partial ? createWriteStream(partial) : process.stdout;
    let count: number | void;
    try {
      count = await EXPORT_FORMATS[request.format].write(db, out, request.parameters);
      if (partial) {
        if (!out.writableEnded) out.end();
        await finished(out);
        renameSync(partial, request.out!);
      } else if (!process.stdout.writableEnded) {
        // Let stdout drain before the process exits.
        await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      }
    } catch (error) {
      if (partial) {
        out.destroy();
        rmSync(partial, { force: true });
      }
      // A refused request (a bad parameter, an unknown id) says what to fix, as the route's 400 does.
      if (error instanceof ApiError) {
        process.stderr.write(`${error.message}\n`);
        return 2;
      }
      throw error;
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
