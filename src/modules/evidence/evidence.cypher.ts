/** Relations from facts to their evidence, and from evidence to its source. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec } from '../../graph/paging.cypher';

/** Evidence of any fact, ordered as it appears in the source. */
export function evidenceOf(parentLabel: Label): RelationSpec {
  return {
    name: `${parentLabel}.evidence`,
    parentLabel,
    pattern: `(p)-[:${Rel.EVIDENCED_BY}]->(n:${Label.Evidence})`,
    sortKey: "n.sourceId + ':' + right('0000000000' + toString(n.start), 10)",
  };
}

export const EVIDENCE_SOURCE: RelationSpec = {
  name: 'Evidence.source',
  parentLabel: Label.Evidence,
  pattern: `(p)-[:${Rel.EXCERPT_OF}]->(n:${Label.Source})`,
  sortKey: 'n.id',
};
