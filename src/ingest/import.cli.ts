/**
 * `npm run import -- <file or folder> [...]`: validates and loads documents, printing a line per
 * document and a summary. A backup directory (it has a manifest.json) or a `.jsonl` file of
 * documents is restored instead (ingest/backup-restore.ts, docs/backup.md). Uses NEO4J_URI, else the local Neo4j on LOCAL_NEO4J_DATA_DIR: the one
 * `npm start` runs there, or one started for the import when none runs. Exit code 1 when any
 * document was rejected.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { applyGraphSchema } from '../graph/schema';
import { openCliDatabase } from '../local-neo4j/cli-database';
import { createLogger } from '../logger';
import { isBackupTarget, restoreFromPath } from './backup-restore';
import { formatSummary, loadDocumentsFromPath, type ImportSummary } from './import';

async function main(): Promise<number> {
  const targets = process.argv.slice(2).filter((arg) => arg !== '--');
  if (targets.length === 0) {
    process.stderr.write(
      'usage: npm run import -- <document.json, folder, backup folder or documents.jsonl> [...]\n',
    );
    return 2;
  }
  const config = loadConfig();
  const { db, close } = await openCliDatabase(config, createLogger('warn'));
  try {
    await applyGraphSchema(db);
    const total: ImportSummary = {
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      facts: 0,
      outcomes: [],
      errors: [],
    };
    for (const target of targets) {
      if (isBackupTarget(target)) {
        const restored = await restoreFromPath(db, target, (line) => process.stdout.write(`${line}\n`));
        for (const key of ['created', 'updated', 'unchanged', 'failed'] as const) total[key] += restored[key];
        const replayed = Object.entries(restored.curation).map(([kind, count]) => `${count} ${kind}`);
        if (replayed.length > 0) process.stdout.write(`curation records replayed: ${replayed.join(', ')}\n`);
        if (restored.countDifferences?.length === 0)
          process.stdout.write(`the graph has the backup's counts of every label and relationship type\n`);
        else if (restored.countDifferences)
          process.stdout.write(
            `the graph differs from the backup's manifest: ${restored.countDifferences.join('; ')}\n`,
          );
        continue;
      }
      const summary = await loadDocumentsFromPath(db, target, undefined, (line) =>
        process.stdout.write(`${line}\n`),
      );
      for (const key of ['created', 'updated', 'unchanged', 'failed', 'facts'] as const)
        total[key] += summary[key];
    }
    process.stdout.write(`${formatSummary(total)}\n`);
    return total.failed > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? '' : 'import failed: '}${(error as Error).message.split('\n')[0]}\n`,
    );
    process.exit(1);
  },
);
