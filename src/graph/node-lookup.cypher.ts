/**
 * `node(id)` as one statement: the node with that id, or the node an alias id stands for (an id an
 * import matched to a stored node, or the id of a node merged into another), returned as the
 * request's plan says, with the relations it selects fetched ahead like a page's items. "Says
 * who?" of a statement, its evidence and their sources, is then one round trip, not one per level.
 */
import { cypher, type CypherQuery } from './cypher';
import { lookupProjection } from './lookup-projection.cypher';
import { Label, Rel } from './model';
import { WHOLE_ITEMS, type ItemPlan } from './page-spec';
import { itemEntriesOf } from './prefetch.cypher';
import { visible } from './visible';

/** The looked-up node; nested items get fresh names from the plan's entries (prefetch.cypher.ts). */
const NODE = 'n';

/**
 * One row `{id, item}` per id found, `item` as a page's item (`node`, `prefetched`). `label` comes
 * from the id's prefix (graph/model.ts), never from input as such. The alias is only looked for
 * when no visible node has the id itself, as it always was: a retracted node gives way to its alias.
 */
export function nodeLookupQuery(
  label: Label,
  ids: readonly string[],
  items: ItemPlan = WHOLE_ITEMS,
): CypherQuery {
  const entries = itemEntriesOf(NODE, items, lookupProjection(NODE));
  return cypher(
    `UNWIND $ids AS id
OPTIONAL MATCH (direct:${label} {id: id}) WHERE ${visible('direct')}
WITH id, coalesce(direct, COLLECT {
  MATCH (:${Label.IdAlias} {id: id})-[:${Rel.ALIAS_OF}]->(aliased) WHERE direct IS NULL AND ${visible('aliased')}
  RETURN aliased LIMIT 1 }[0]) AS ${NODE}
WHERE ${NODE} IS NOT NULL
RETURN id, {${entries.text}} AS item`,
    { ...entries.params, ids: [...ids] },
  );
}
