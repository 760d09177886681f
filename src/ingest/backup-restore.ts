/**
 * Restores a backup written by `npm run export -- --all DIR` (docs/backup.md): its documents in
 * file order under their own ids (RESTORE_MODE: no same-event matching, the backup holds the
 * graph's decisions), then its curation records in file order. A document that refers to an id a
 * later document brings waits and is tried again once the others are in. Files are read a line at
 * a time; only such waiting documents are held in memory.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { GraphDatabase } from '../graph/database';
import { GraphWriter } from '../graph/graph-writer';
import { BACKUP_FILES, graphCounts } from '../export/backup';
import { CurationRecord, type BackupManifest } from '../export/curation.format';
import { DocumentRejectedError, RESTORE_MODE, writeDocument, type LoadOutcome } from './document.loader';
import { formatDocumentError, validateDocument, type DocumentError } from './document.validate';
import { replayCuration } from './curation-replay';

/** Curation records written per transaction. */
const CURATION_BATCH = 500;

export interface RestoreSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: DocumentError[];
  curation: Record<string, number>;
}

/** A backup directory (it has a manifest) or a documents.jsonl file: what `npm run import` restores. */
export function isBackupTarget(target: string): boolean {
  if (target.endsWith('.jsonl')) return true;
  return statSync(target).isDirectory() && existsSync(path.join(target, BACKUP_FILES.manifest));
}

async function* lines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const reader = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of reader) {
    number += 1;
    if (line.trim() !== '') yield { line, number };
  }
}

interface Pending {
  where: string;
  document: Extract<ReturnType<typeof validateDocument>, { ok: true }>;
}

export class DocumentsRestore {
  readonly summary: RestoreSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    curation: {},
  };
  private waiting: { pending: Pending; problems: DocumentError[] }[] = [];

  constructor(
    private readonly db: GraphDatabase,
    private readonly onLine: (line: string) => void,
  ) {}

  private reject(where: string, errors: DocumentError[]): void {
    this.summary.failed += 1;
    this.summary.errors.push(...errors);
    this.onLine(`rejected  ${where}\n${errors.map((e) => `  ${formatDocumentError(e)}`).join('\n')}`);
  }

  /** Writes one document; answers false when it only waits for ids a later document brings. */
  private async write({ where, document }: Pending, lastTry: boolean): Promise<boolean> {
    try {
      const outcome: LoadOutcome = await new GraphWriter(this.db).write((tx) =>
        writeDocument(tx, document.document, where, document.unresolvedReferences, RESTORE_MODE),
      );
      this.summary[outcome.status] += 1;
      this.onLine(`${outcome.status.padEnd(9)} ${where} (${outcome.sourceId}: ${outcome.facts} facts)`);
      return true;
    } catch (error) {
      if (!(error instanceof DocumentRejectedError)) throw error;
      const waits = error.problems.every((problem) => problem.missingReference !== undefined);
      if (waits && !lastTry) {
        this.waiting.push({ pending: { where, document }, problems: error.problems });
        return false;
      }
      this.reject(where, error.problems);
      return true;
    }
  }

  async restoreFile(file: string): Promise<void> {
    const shown = path.relative(process.cwd(), file) || file;
    for await (const { line, number } of lines(file)) {
      const where = `${shown}:${number}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        this.reject(where, [
          {
            file: where,
            record: '(document)',
            field: '(json)',
            message: `is not valid JSON: ${(error as Error).message}`,
          },
        ]);
        continue;
      }
      const validated = validateDocument(raw, where);
      if (!validated.ok) this.reject(where, validated.errors);
      else await this.write({ where, document: validated }, false);
    }
    // Documents that referred to ids later ones bring, until a round makes no progress.
    while (this.waiting.length > 0) {
      const round = this.waiting;
      this.waiting = [];
      let progress = false;
      for (const { pending } of round) progress = (await this.write(pending, false)) || progress;
      if (!progress) {
        for (const { pending } of this.waiting.splice(0)) await this.write(pending, true);
      }
    }
  }

  async replayCurationFile(file: string): Promise<void> {
    const shown = path.relative(process.cwd(), file) || file;
    let batch: CurationRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      await new GraphWriter(this.db).write((tx) => replayCuration(tx, records));
      for (const record of records)
        this.summary.curation[record.kind] = (this.summary.curation[record.kind] ?? 0) + 1;
    };
    for await (const { line, number } of lines(file)) {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new Error(`${shown}:${number}: not valid JSON: ${(error as Error).message}`);
      }
      const parsed = CurationRecord.safeParse(raw);
      if (!parsed.success) {
        throw new Error(
          `${shown}:${number}: not a curation record: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        );
      }
      if (batch.length >= CURATION_BATCH || (batch.length > 0 && batch[0].kind !== parsed.data.kind))
        await flush();
      batch.push(parsed.data);
    }
    await flush();
  }
}

/** Labels and types whose counts differ between the graph and a manifest: `Label: 3 here, 4 in the backup`. */
export function countDifferences(
  graph: BackupManifest['graph'],
  manifest: BackupManifest['graph'],
): string[] {
  const differences: string[] = [];
  for (const kind of ['nodes', 'relationships'] as const) {
    const names = [...new Set([...Object.keys(graph[kind]), ...Object.keys(manifest[kind])])].sort();
    for (const name of names) {
      const [here, there] = [graph[kind][name] ?? 0, manifest[kind][name] ?? 0];
      if (here !== there) differences.push(`${name}: ${here} here, ${there} in the backup`);
    }
  }
  return differences;
}

/**
 * Restores a backup directory or a documents.jsonl file. Into an empty database, a backup's counts
 * are checked against its manifest afterwards (`countDifferences`: none when the copy is whole).
 */
export async function restoreFromPath(
  db: GraphDatabase,
  target: string,
  onLine: (line: string) => void = () => {},
): Promise<RestoreSummary & { manifest?: BackupManifest; countDifferences?: string[] }> {
  const restore = new DocumentsRestore(db, onLine);
  if (target.endsWith('.jsonl')) {
    await restore.restoreFile(target);
    return restore.summary;
  }
  const manifest = JSON.parse(
    readFileSync(path.join(target, BACKUP_FILES.manifest), 'utf8'),
  ) as BackupManifest;
  const wasEmpty = Object.keys((await graphCounts(db)).nodes).length === 0;
  await restore.restoreFile(path.join(target, BACKUP_FILES.documents));
  await restore.replayCurationFile(path.join(target, BACKUP_FILES.curation));
  return {
    ...restore.summary,
    manifest,
    countDifferences: wasEmpty ? countDifferences(await graphCounts(db), manifest.graph) : undefined,
  };
}
