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

/**
 * Which way a window reads: `after` means a greater (sort key, id) ascending, a smaller one
 * descending, and both parts of the order run the same way.
 */
function direction(descending: boolean): { past: '>' | '<'; order: '' | ' DESC' } {
  return descending ? { past: '<', order: ' DESC' } : { past: '>', order: '' };
}

/** Orders, windows and collects `n`, each item as `entries` says (properties, relations fetched ahead). */
function windowClause(sortKey: string, entries: string, descending = false): string {
  const { past, order } = direction(descending);
  return `WITH DISTINCT n WHERE ${visible(NODE)}
    WITH n, coalesce(toString(${sortKey}), '') AS sortKey
    WHERE $afterId IS NULL OR sortKey ${past} $afterKey OR (sortKey = $afterKey AND n.id ${past} $afterId)
    WITH n, sortKey ORDER BY sortKey${order}, n.id${order} LIMIT $limit
    RETURN collect({key: sortKey, ${entries}}) AS items`;
}

/**
 * The bounds that seek an index from the cursor's key: every string is >= '' (which also tells the
 * planner the key is a string, so the index can give its order); ascending from the key,
 * descending down to it (a statement with a cursor differs from one without: a null bound would
 * match nothing).
 */
function seekBounds(key: string, descending: boolean, hasCursor: boolean): string[] {
  if (!descending) return [`${key} >= coalesce($afterKey, '')`];
  return [`${key} >= ''`, ...(hasCursor ? [`${key} <= $afterKey`] : [])];
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
  const descending = spec.descending ?? false;
  const hasCursor = page.after !== undefined;
  const body = spec.indexedWalks
    ? walksWindow(spec.indexedWalks, entries.text, descending, hasCursor)
    : spec.indexedOrder
      ? indexedWindow(spec.indexedOrder, entries.text, descending, hasCursor)
      : `${spec.match} ${windowClause(spec.sortKey, entries.text, descending)}`;
  return cypher(`CALL () { ${body} }\nRETURN items`, {
    ...spec.params,
    ...entries.params,
    ...windowParams(page),
  });
}

/**
 * The same window as windowClause, read along the index: `>=` the cursor's key is a range seek in
 * key order (every string is >= ''), and only the ties on the cursor's key are compared by id.
 * Descending, the seek is `<=` the cursor's key and the index is read backwards (seekBounds).
 */
function indexedWindow(
  indexed: NonNullable<RootPageSpec['indexedOrder']>,
  entries: string,
  descending: boolean,
  hasCursor: boolean,
): string {
  const key = `n.${indexed.property}`;
  const { past, order } = direction(descending);
  const conditions = [...seekBounds(key, descending, hasCursor), ...(indexed.where ? [indexed.where] : [])];
  return `MATCH (n:${indexed.label}) WHERE ${conditions.join(' AND ')}
    WITH n WHERE ${visible(NODE)} AND ($afterId IS NULL OR ${key} ${past} $afterKey OR n.id ${past} $afterId)
    WITH n ORDER BY ${key}${order}, n.id${order} LIMIT $limit
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
function walksWindow(walks: IndexedWalks, entries: string, descending: boolean, hasCursor: boolean): string {
  const variables = walks.equal.map(({ variable }) => variable).join(', ');
  const { past, order: way } = direction(descending);
  const reads = walks.along.map(({ pattern, entity }) => {
    const key = `${entity}.${walks.property}`;
    const fixed = walks.equal.map(({ property, variable }) => `${entity}.${property} = ${variable}`);
    const bounds = [
      ...seekBounds(key, descending, hasCursor),
      ...(walks.range?.atLeast ? [`${key} >= ${walks.range.atLeast}`] : []),
      ...(walks.range?.atMost ? [`${key} <= ${walks.range.atMost}`] : []),
    ];
    const order = walks.equal.map(({ property }) => `${entity}.${property}${way}`).join(', ');
    const carried = entity === NODE ? NODE : `${NODE}, ${entity}`;
    return `MATCH ${pattern} WHERE ${[...fixed, ...bounds].join(' AND ')}
      WITH ${carried} WHERE ${visible(NODE)} AND ($afterId IS NULL OR ${key} ${past} $afterKey OR n.id ${past} $afterId)${walks.where ? ` AND ${walks.where}` : ''}
      WITH ${carried} ORDER BY ${order}, ${key}${way}, n.id${way} LIMIT $limit
      RETURN n, ${key} AS key`;
  });
  return `${walks.walks}
    CALL (${variables}) {
      ${reads.join('\n      UNION ALL\n      ')}
    }
    WITH DISTINCT n, key ORDER BY key${way}, n.id${way} LIMIT $limit
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

/**
 * Nodes of one label by id, batched. `retracted: true` reads retracted facts too (the change feed
 * shows what a retraction hid).
 */
export function nodesByIdQuery(
  label: Label,
  ids: readonly string[],
  options: { retracted?: boolean } = {},
): CypherQuery {
  const where = options.retracted ? '' : ` WHERE ${visible(NODE)}`;
  return cypher(
    `UNWIND $ids AS id MATCH (n:${label} {id: id})${where} RETURN id, ${lookupProjection(NODE)} AS node`,
    { ids: [...ids] },
  );
}
