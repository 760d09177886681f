/**
 * Pure builders for paged reads. Every list in the API, at the root or under a parent, is one of these
 * two shapes, so ordering, cursors and counts live in one place.
 * A relation page is batched over many parents in one statement: that is what keeps round trips
 * bounded by the depth of a request instead of the number of its results.
 */
import { cypher, type CypherQuery } from './cypher';
import type { Label } from './model';
import {
  WHOLE_ITEMS,
  type IndexedWalks,
  type ItemPlan,
  type PageWindow,
  type RelationSpec,
  type RootPageSpec,
} from './page-spec';
import { lookupProjection } from './lookup-projection.cypher';
import { itemEntriesOf } from './prefetch.cypher';
import { int } from './values';
import { visible } from './visible';

/** Root listings bind `n`; a relation page binds its parent to `p` and its items to `n`. */
const NODE = 'n';
const PARENT = 'p';

/** Orders, windows and collects `n`, each item as `entries` says (properties, relations fetched ahead). */
function windowClause(sortKey: string, entries: string): string {
  return `WITH DISTINCT n WHERE ${visible(NODE)}
    WITH n, coalesce(toString(${sortKey}), '') AS sortKey
    WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)
    WITH n, sortKey ORDER BY sortKey, n.id LIMIT $limit
    RETURN collect({key: sortKey, ${entries}}) AS items`;
}

function windowParams(page: PageWindow): Record<string, unknown> {
  return {
    afterKey: page.after?.key ?? null,
    afterId: page.after?.id ?? null,
    // One extra row tells whether another page follows.
    limit: int(page.first + 1),
  };
}

/** One page of a root listing (the total is counted separately, and only when asked for). */
export function rootPageQuery(
  spec: RootPageSpec,
  page: PageWindow,
  items: ItemPlan = WHOLE_ITEMS,
): CypherQuery {
  const entries = itemEntriesOf(NODE, items);
  const body = spec.indexedWalks
    ? walksWindow(spec.indexedWalks, entries.text)
    : spec.indexedOrder
      ? indexedWindow(spec.indexedOrder, entries.text)
      : `${spec.match} ${windowClause(spec.sortKey, entries.text)}`;
  return cypher(`CALL () { ${body} }\nRETURN items`, {
    ...spec.params,
    ...entries.params,
    ...windowParams(page),
  });
}

/**
 * The same window as windowClause, read along the index: `>=` the cursor's key is a range seek in
 * key order (every string is >= ''), and only the ties on the cursor's key are compared by id.
 */
function indexedWindow(order: NonNullable<RootPageSpec['indexedOrder']>, entries: string): string {
  const key = `n.${order.property}`;
  return `MATCH (n:${order.label}) WHERE ${key} >= coalesce($afterKey, '')${order.where ? ` AND ${order.where}` : ''}
    WITH n WHERE ${visible(NODE)} AND ($afterId IS NULL OR ${key} > $afterKey OR n.id > $afterId)
    WITH n ORDER BY ${key}, n.id LIMIT $limit
    RETURN collect({key: ${key}, ${entries}}) AS items`;
}

/**
 * The same window as windowClause over the union of index walks: each walk is indexedWindow's
 * read with the index's leading properties fixed, ordered by them too (constant within a walk,
 * and what lets the planner take the index's order instead of sorting). Each walk yields at most
 * a page, so the merged page is exact: an item among the first `limit` of the union is among the
 * first `limit` of a walk that reaches it. A node reached by several walks (a meeting two
 * officials of a nation attended) has the same key in each, so it counts once.
 */
function walksWindow(walks: IndexedWalks, entries: string): string {
  const variables = walks.equal.map(({ variable }) => variable).join(', ');
  const reads = walks.along.map(({ pattern, entity }) => {
    const key = `${entity}.${walks.property}`;
    const fixed = walks.equal.map(({ property, variable }) => `${entity}.${property} = ${variable}`);
    const bounds = [
      `${key} >= coalesce($afterKey, '')`,
      ...(walks.range?.atLeast ? [`${key} >= ${walks.range.atLeast}`] : []),
      ...(walks.range?.atMost ? [`${key} <= ${walks.range.atMost}`] : []),
    ];
    const order = walks.equal.map(({ property }) => `${entity}.${property}`).join(', ');
    const carried = entity === NODE ? NODE : `${NODE}, ${entity}`;
    return `MATCH ${pattern} WHERE ${[...fixed, ...bounds].join(' AND ')}
      WITH ${carried} WHERE ${visible(NODE)} AND ($afterId IS NULL OR ${key} > $afterKey OR n.id > $afterId)${walks.where ? ` AND ${walks.where}` : ''}
      WITH ${carried} ORDER BY ${order}, ${key}, n.id LIMIT $limit
      RETURN n, ${key} AS key`;
  });
  return `${walks.walks}
    CALL (${variables}) {
      ${reads.join('\n      UNION ALL\n      ')}
    }
    WITH DISTINCT n, key ORDER BY key, n.id LIMIT $limit
    RETURN collect({key: key, ${entries}}) AS items`;
}

export function rootCountQuery(spec: RootPageSpec): CypherQuery {
  return cypher(`${spec.match} WITH DISTINCT n WHERE ${visible(NODE)} RETURN count(n) AS totalCount`, {
    ...spec.params,
  });
}

/** `withTotal: false` (plain lists, which have no totalCount) skips counting every parent's items. */
export function relationPageQuery(
  spec: RelationSpec,
  parentIds: readonly string[],
  page: PageWindow,
  params: Record<string, unknown> = {},
  withTotal = true,
): CypherQuery {
  const variables = { parent: PARENT, node: NODE };
  const match = `MATCH ${spec.pattern(variables)}${spec.where ? ` WHERE ${spec.where(variables)}` : ''}`;
  const total = withTotal
    ? `CALL (p) { ${match} WITH DISTINCT n WHERE ${visible(NODE)} RETURN count(n) AS totalCount }`
    : 'WITH p, parentId, -1 AS totalCount';
  const text = `UNWIND $parentIds AS parentId
MATCH (p:${spec.parentLabel} {id: parentId})
${total}
CALL (p) { ${match} ${windowClause(spec.sortKey(NODE), itemEntriesOf(NODE, WHOLE_ITEMS).text)} }
RETURN parentId, totalCount, items`;
  return cypher(text, { ...params, ...windowParams(page), parentIds: [...parentIds] });
}

/** Nodes of one label by id, batched. */
export function nodesByIdQuery(label: Label, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) WHERE ${visible(NODE)} RETURN id, ${lookupProjection(NODE)} AS node`,
    { ids: [...ids] },
  );
}
