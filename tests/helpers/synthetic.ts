/** Loads a deterministic synthetic graph (see scripts/lib/synthetic-documents.ts) into a clean database. */
import type { RunningApi } from '../../src/api';
import { generateDocuments, type GenerateOptions } from '../../scripts/lib/synthetic-documents';
import { loadDocument } from '../../src/ingest/document.loader';
import { formatDocumentError, validateDocument } from '../../src/ingest/document.validate';
import { resetGraph } from './start-api';

export async function loadSyntheticGraph(api: RunningApi, options: GenerateOptions): Promise<void> {
  await resetGraph(api);
  for (const [index, document] of generateDocuments(options).entries()) {
    const validated = validateDocument(document, `synthetic-${index}.json`);
    if (!validated.ok) throw new Error(validated.errors.map(formatDocumentError).join('\n'));
    await loadDocument(api.db, validated.document, `synthetic-${index}.json`, validated.unresolvedReferences);
  }
}
