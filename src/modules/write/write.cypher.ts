/** Cypher of the write API that is not a document load: sources, retractions, and reading sources back. */
import { LINK_PUBLISHER } from '../../ingest/graph-write.cypher';
import { publisherOf } from '../../ingest/document.rows';
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';

export function sourcesByIdQuery(ids: readonly string[]): CypherQuery {
  return cypher(`UNWIND $ids AS id MATCH (s:${Label.Source} {id: id}) RETURN properties(s) AS source`, {
    ids: [...ids],
  });
}

/**
 * Adds a source or updates its metadata, but never changes the text of a stored source: evidence
 * excerpts were checked against that text. Run after the source's lock is taken
 * (graph/write-locks.ts), so the text compared is the one committed last. `sameText` false means
 * nothing was changed (the caller reports the conflict).
 */
export function upsertSourceQuery(
  props: Record<string, unknown> & { id: string; text: string; publisher: string },
): CypherQuery {
  return cypher(
    `MERGE (s:${Label.Source} {id: $props.id})
// No text yet: the source is new (the lock created it bare), so any text is the same text.
WITH s, s.text IS NULL OR s.text = $props.text AS sameText, properties(s) AS before
CALL (s, sameText) {
  WITH s WHERE sameText
  SET s += $props
  ${LINK_PUBLISHER}
}
RETURN properties(s) AS source, sameText, properties(s) <> before AS changed`,
    { props, publisher: publisherOf(props.publisher) },
  );
}

/**
 * Marks a fact retracted and records who, when and why. Idempotent: retracting it again returns the
 * first retraction unchanged, so a retried call can't rewrite the audit trail. `newly` says whether
 * this call retracted it (the change log records a retraction once).
 */
export function retractQuery(
  label: Label,
  factId: string,
  retraction: { id: string; reason: string; retractedAt: string; retractedBy: string },
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $factId})
WITH n, n.retractedAt IS NULL AS newly
MERGE (r:${Label.Retraction} {id: $retraction.id})
  ON CREATE SET r.factId = $factId, r.reason = $retraction.reason, r.recordedAt = $retraction.retractedAt, r.retractedBy = $retraction.retractedBy
MERGE (n)-[:${Rel.RETRACTED_BY}]->(r)
SET n.retractedAt = r.recordedAt
RETURN properties(r) AS retraction, newly`,
    { factId, retraction },
  );
}

export const ALL_RETRACTIONS: RootPageSpec = {
  match: `MATCH (n:${Label.Retraction})`,
  sortKey: 'n.recordedAt',
};
