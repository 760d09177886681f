/** Cypher of the write API that is not a document load: sources, retractions, and reading sources back. */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/paging.cypher';

export function sourcesByIdQuery(ids: readonly string[]): CypherQuery {
  return cypher(`UNWIND $ids AS id MATCH (s:${Label.Source} {id: id}) RETURN properties(s) AS source`, {
    ids: [...ids],
  });
}

/**
 * Adds a source or updates its metadata, but never changes the text of a stored source: evidence
 * excerpts were checked against that text. The check and the write are one statement under the
 * node's write lock, so concurrent upserts of one id can't both see "no source yet" and overwrite
 * each other's text. `sameText` false means nothing was changed (the caller reports the conflict).
 */
export function upsertSourceQuery(
  props: Record<string, unknown> & { id: string; text: string },
): CypherQuery {
  return cypher(
    `MERGE (s:${Label.Source} {id: $props.id})
  ON CREATE SET s += $props
// Writing a property takes the node's write lock before its text is read (the Neo4j manual's idiom
// against lost updates): a concurrent upsert of this id waits here, then reads the committed text.
SET s._LOCK_ = true
WITH s, coalesce(s.text = $props.text, false) AS sameText
CALL (s, sameText) {
  WITH s WHERE sameText
  SET s += $props
}
REMOVE s._LOCK_
RETURN properties(s) AS source, sameText`,
    { props },
  );
}

/**
 * Marks a fact retracted and records who, when and why. Idempotent: retracting it again returns the
 * first retraction unchanged, so a retried call can't rewrite the audit trail.
 */
export function retractQuery(
  label: Label,
  factId: string,
  retraction: { id: string; reason: string; retractedAt: string; retractedBy: string },
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $factId})
MERGE (r:${Label.Retraction} {id: $retraction.id})
  ON CREATE SET r.factId = $factId, r.reason = $retraction.reason, r.recordedAt = $retraction.retractedAt, r.retractedBy = $retraction.retractedBy
MERGE (n)-[:${Rel.RETRACTED_BY}]->(r)
SET n.retractedAt = r.recordedAt
RETURN properties(r) AS retraction`,
    { factId, retraction },
  );
}

export const ALL_RETRACTIONS: RootPageSpec = {
  match: `MATCH (n:${Label.Retraction})`,
  sortKey: 'n.recordedAt',
};
