/**
 * Pairs an import thought alike but not alike enough to match (POSSIBLE_DUPLICATE links), oldest
 * first: a queue for editors, paged by the time the link was made and the two ids.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Rel } from '../../graph/model';
import type { PageWindow } from '../../graph/page-spec';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import type { MergeableLabel } from './merge.plan';

/** Both ends exist (a merge or undo deletes links with their node) and neither is retracted. */
function pairsMatch(labels: readonly MergeableLabel[]): string {
  const kinds = labels.join('|');
  return `MATCH (a:${kinds})-[d:${Rel.POSSIBLE_DUPLICATE}]->(b:${kinds})
WHERE ${visible('a')} AND ${visible('b')}
WITH a, d, b, coalesce(d.at, '') AS key, a.id + ' ' + b.id AS pairId`;
}

export function possibleDuplicatesQuery(labels: readonly MergeableLabel[], page: PageWindow): CypherQuery {
  return cypher(
    `${pairsMatch(labels)}
WHERE $afterId IS NULL OR key > $afterKey OR (key = $afterKey AND pairId > $afterId)
WITH a, d, b, key, pairId ORDER BY key, pairId LIMIT $limit
RETURN key, pairId, properties(a) AS a, properties(b) AS b, d.score AS score, d.reason AS reason,
       d.sourceId AS sourceId, d.at AS at`,
    {
      afterKey: page.after?.key ?? null,
      afterId: page.after?.id ?? null,
      limit: int(page.first + 1),
    },
  );
}

export function possibleDuplicatesCountQuery(labels: readonly MergeableLabel[]): CypherQuery {
  return cypher(`${pairsMatch(labels)}\nRETURN count(*) AS totalCount`);
}
