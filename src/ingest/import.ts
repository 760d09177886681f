/**
 * Imports a document file or a folder of them: validate each whole, then load each in its own
 * transaction. A rejected document changes nothing; the others still load.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GraphDatabase } from '../graph/database';
import type { Logger } from '../logger';
import { DocumentRejectedError, loadDocument, type LoadOutcome } from './document.loader';
import { formatDocumentError, parseDocumentFile, type DocumentError } from './document.validate';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  facts: number;
  outcomes: LoadOutcome[];
  errors: DocumentError[];
}

/** The `.json` files of a folder (sorted, so imports are repeatable), or the file itself. */
export function documentFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(target, name));
}

export async function loadDocumentsFromPath(
  db: GraphDatabase,
  target: string,
  logger?: Logger,
  onDocument: (line: string) => void = () => {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    facts: 0,
    outcomes: [],
    errors: [],
  };
  for (const file of documentFiles(target)) {
    const shown = path.relative(process.cwd(), file) || file;
    const validated = parseDocumentFile(shown);
    if (!validated.ok) {
      summary.failed += 1;
      summary.errors.push(...validated.errors);
      onDocument(
        `rejected  ${shown}\n${validated.errors.map((e) => `  ${formatDocumentError(e)}`).join('\n')}`,
      );
      continue;
    }
    try {
      const { outcome } = await loadDocument(db, validated.document, shown, validated.unresolvedReferences);
      summary[outcome.status] += 1;
      summary.facts += outcome.facts;
      summary.outcomes.push(outcome);
      onDocument(
        `${outcome.status.padEnd(9)} ${shown} (${outcome.sourceId}: ${outcome.facts} facts, +${outcome.nodesCreated} nodes, +${outcome.relationshipsCreated} relationships${outcome.matches.length > 0 ? `, ${outcome.matches.length} records matched to stored ones` : ''})`,
      );
      logger?.info({ ...outcome }, 'document loaded');
      for (const match of outcome.matches)
        onDocument(`          ${match.id} -> ${match.matchedTo}: ${match.reason}`);
    } catch (error) {
      if (!(error instanceof DocumentRejectedError)) throw error;
      summary.failed += 1;
      summary.errors.push(...error.problems);
      onDocument(
        `rejected  ${shown}\n${error.problems.map((e) => `  ${formatDocumentError(e)}`).join('\n')}`,
      );
    }
  }
  return summary;
}

export function formatSummary(summary: ImportSummary): string {
  return `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} rejected (${summary.facts} facts)`;
}
