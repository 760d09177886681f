/**
 * The conditions behind the corroboration filters, as Cypher over a listed node: the counts the
 * import keeps on it, its evidence's publishers and its credibility. Defaults are the documented
 * ones: no `sourceCount` is 0 sources, an ungraded publisher is F, an unassessed fact is 6.
 */
import { Label, Rel } from '../../graph/model';
import { int } from '../../graph/values';
import type { CorroborationCriteria } from './corroboration-criteria';
import { DEFAULT_CREDIBILITY } from './corroboration-criteria';

export interface CorroborationConditions {
  conditions: string[];
  params: Record<string, unknown>;
}

export function corroborationConditions(
  criteria: CorroborationCriteria,
  node = 'n',
): CorroborationConditions {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (criteria.minSources !== null) {
    conditions.push(`coalesce(${node}.sourceCount, 0) >= $minSources`);
    params.minSources = int(criteria.minSources);
  }
  if (criteria.grades !== null) {
    // A source without a publisher node, or one nobody graded, is F: it never passes here.
    conditions.push(
      `EXISTS { MATCH (${node})-[:${Rel.EVIDENCED_BY}]->(:${Label.Evidence})-[:${Rel.EXCERPT_OF}]->(:${Label.Source})-[:${Rel.PUBLISHED_BY}]->(publisher:${Label.Publisher}) WHERE publisher.reliability IN $grades }`,
    );
    params.grades = criteria.grades;
  }
  if (criteria.maxCredibility !== null) {
    conditions.push(`coalesce(${node}.credibility, ${DEFAULT_CREDIBILITY}) <= $maxCredibility`);
    params.maxCredibility = int(criteria.maxCredibility);
  }
  return { conditions, params };
}
