/** Loads seed/ into an empty database at startup, so a fresh `npm start` has something to explore. */
import type { GraphDatabase } from '../graph/database';
import { CHANGE_LABEL } from '../graph/change-log.cypher';
import { Label } from '../graph/model';
import type { Logger } from '../logger';
import { formatSummary, loadDocumentsFromPath } from './import';

export async function seedIfEmpty(db: GraphDatabase, seedDir: string, logger: Logger): Promise<void> {
  // Write locks (graph/write-locks.ts) and the change log are bookkeeping, not content.
  const [row] = await db.read({
    cypher: `MATCH (n) WHERE NOT n:${Label.WriteLock} AND NOT n:${CHANGE_LABEL} RETURN count(n) AS nodes`,
    params: {},
  });
  if ((row?.nodes as number) > 0) return;
  const summary = await loadDocumentsFromPath(db, seedDir, logger);
  if (summary.failed > 0) {
    throw new Error(
      `seed documents were rejected: ${summary.errors.map((e) => `${e.file}: ${e.record}: ${e.field}: ${e.message}`).join('; ')}`,
    );
  }
  logger.info({ seedDir, summary: formatSummary(summary) }, 'loaded seed into empty database');
}
