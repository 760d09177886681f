/** Relations from facts to their evidence, and from evidence to its source. */
import { Label, Rel } from '../../graph/model';
import { byProperty, outgoing, relationSpec } from '../../graph/relation-spec';
import type { RelationSpec } from '../../graph/page-spec';

/** Evidence of any fact, ordered as it appears in the source. */
export function evidenceOf(parentLabel: Label): RelationSpec {
  return {
    name: `${parentLabel}.evidence`,
    parentLabel,
    ...outgoing(Rel.EVIDENCED_BY, Label.Evidence),
    sortKey: (node) => `${node}.sourceId + ':' + right('0000000000' + toString(${node}.start), 10)`,
  };
}

export const EVIDENCE_SOURCE = relationSpec(
  Label.Evidence,
  'source',
  outgoing(Rel.EXCERPT_OF, Label.Source),
  byProperty('id'),
);

/**
 * The evidence of the node bound to `fact`, as Evidence items (`id`, `excerpt`, `start`,
 * `sourceId`) in source order: for reads that return facts with their evidence in one row.
 * `evidence` names the inner variable, which must be free in the enclosing statement.
 */
export function evidenceItems(fact: string, evidence: string): string {
  return `COLLECT { MATCH (${fact})-[:${Rel.EVIDENCED_BY}]->(${evidence}:${Label.Evidence}) RETURN ${evidence} {.id, .excerpt, .start, .sourceId} AS item ORDER BY item.sourceId, item.start }`;
}
