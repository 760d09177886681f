/**
 * When a fact is dated for comparisons over time: its own date, else when it was first reported
 * (kept by the import), else the earliest publication among its evidence's sources.
 */
import { Label, Rel } from '../../graph/model';

/** A `YYYY-MM-DD` Cypher expression, null when none is known. `source` names a free inner variable. */
export function reportedDate(fact: string, source: string): string {
  const earliestSource = `head(COLLECT { MATCH (${fact})-[:${Rel.EVIDENCED_BY}]->(:${Label.Evidence})-[:${Rel.EXCERPT_OF}]->(${source}:${Label.Source}) RETURN ${source}.publishedAt AS day ORDER BY day LIMIT 1 })`;
  return `left(toString(coalesce(${fact}.date, ${fact}.firstReported, ${earliestSource})), 10)`;
}
