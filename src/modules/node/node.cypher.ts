/** Cypher for `search` (ranked full-text across entity types) and `path` (shortest connection). */
import { Label, Rel } from '../../graph/model';
import { cypher, type CypherQuery } from '../../graph/cypher';
import { lookupProjection } from '../../graph/lookup-projection.cypher';
import { FULLTEXT } from '../../graph/schema';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';

export function searchQuery(lucene: string, first: number): CypherQuery {
  return cypher(
    `CALL db.index.fulltext.queryNodes('${FULLTEXT.search}', $query, {limit: $limit}) YIELD node, score
WHERE ${visible('node')}
RETURN ${lookupProjection('node')} AS node, score ORDER BY score DESC, node.id LIMIT $limit`,
    { query: lucene, limit: int(first) },
  );
}

/** Relationships a path may follow: what happened between actors, not which document mentions them. */
export const PATH_RELATIONSHIPS = [
  Rel.NATIONAL_OF,
  Rel.HOLDS_ROLE,
  Rel.ROLE_FOR_NATION,
  Rel.ROLE_IN,
  Rel.MEMBER_OF,
  Rel.LEADS,
  Rel.CHAIRED,
  Rel.ATTENDED,
  Rel.CONVENED,
  Rel.HELD_AT,
  Rel.WITHIN,
  Rel.IN_COUNTRY,
  Rel.SAID,
  Rel.MADE_AT,
  Rel.TOOK,
  Rel.ABOUT,
  Rel.EXPRESSED_IN,
  Rel.BROADER,
];

/** The longest path `path` looks for: longer searches fan out over most of the graph. */
export const MAX_PATH_HOPS = 8;

/** `maxHops` is a validated integer (1..MAX_PATH_HOPS): variable-length bounds can't be parameters in Cypher. */
export function shortestPathQuery(
  from: { label: Label; id: string },
  to: { label: Label; id: string },
  maxHops: number,
): CypherQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS)
    throw new Error('maxHops out of range');
  return cypher(
    `MATCH (a:${from.label} {id: $from}), (b:${to.label} {id: $to})
MATCH path = shortestPath((a)-[:${PATH_RELATIONSHIPS.join('|')}*..${maxHops}]-(b))
WHERE all(x IN nodes(path) WHERE ${visible('x')})
RETURN [x IN nodes(path) | ${lookupProjection('x')}] AS nodes,
       [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS steps`,
    { from: from.id, to: to.id },
  );
}
