/**
 * Pure builders for paged reads. Every list in the API, at the root or under a parent, is one of these
 * two shapes, so ordering, cursors, counts and the retraction rule live in one place.
 * A relation page is batched over many parents in one statement: that is what keeps round trips
 * bounded by the depth of a request instead of the number of its results.
 */
import type { CursorPosition } from '../modules/common/page-args';
import { cypher, type CypherQuery } from './cypher';
import { itemEntries, PrefetchNames, visible, WHOLE_ITEMS, type ItemPlan } from './prefetch.cypher';
import { int } from './values';

export interface PageWindow {
  first: number;
  after: CursorPosition | undefined;
}

/**
 * `match` binds `n` (and may filter it); `sortKey` is a Cypher string expression over `n`. Both come
 * from constants in *.cypher.ts files, never from input.
 */
export interface RootPageSpec {
  match: string;
  sortKey: string;
  params?: Record<string, unknown>;
  /**
   * Set when the listing is the nodes of one label (with optional conditions on `n`) ordered by a
   * string property every such node has, behind a range index; `sortKey` is then `n.<property>`.
   * A page is read in index order, so it costs the same on a million nodes as on a thousand,
   * instead of sorting every match.
   */
  indexedOrder?: { label: string; property: string; where?: string };
}

const VISIBLE = visible('n');

/** Orders, windows and collects `n`, each item as `items` asks (properties, relations fetched ahead). */
function windowClause(sortKey: string, items: ItemPlan, names: PrefetchNames): string {
  return `WITH DISTINCT n WHERE ${VISIBLE}
    WITH n, coalesce(toString(${sortKey}), '') AS sortKey
    WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)
    WITH n, sortKey ORDER BY sortKey, n.id LIMIT $limit
    RETURN collect({key: sortKey, ${itemEntries('n', items, names)}}) AS items`;
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
  const names = new PrefetchNames();
  const body = spec.indexedOrder
    ? indexedWindow(spec.indexedOrder, items, names)
    : `${spec.match} ${windowClause(spec.sortKey, items, names)}`;
  return cypher(`CALL () { ${body} }\nRETURN items`, {
    ...spec.params,
    ...names.params,
    ...windowParams(page),
  });
}

/**
 * The same window as windowClause, read along the index: `>=` the cursor's key is a range seek in
 * key order (every string is >= ''), and only the ties on the cursor's key are compared by id.
 */
function indexedWindow(
  order: NonNullable<RootPageSpec['indexedOrder']>,
  items: ItemPlan,
  names: PrefetchNames,
): string {
  const key = `n.${order.property}`;
  return `MATCH (n:${order.label}) WHERE ${key} >= coalesce($afterKey, '')${order.where ? ` AND ${order.where}` : ''}
    WITH n WHERE ${VISIBLE} AND ($afterId IS NULL OR ${key} > $afterKey OR n.id > $afterId)
    WITH n ORDER BY ${key}, n.id LIMIT $limit
    RETURN collect({key: ${key}, ${itemEntries('n', items, names)}}) AS items`;
}

export function rootCountQuery(spec: RootPageSpec): CypherQuery {
  return cypher(`${spec.match} WITH DISTINCT n WHERE ${VISIBLE} RETURN count(n) AS totalCount`, {
    ...spec.params,
  });
}

/**
 * A relation from a parent node to the nodes `n` it leads to: `pattern` starts at `p`, e.g.
 * `(p)<-[:NATIONAL_OF]-(n:Official)`.
 */
export interface RelationSpec {
  /** Unique name, used to batch loads of this relation within a request. */
  name: string;
  parentLabel: string;
  pattern: string;
  sortKey: string;
  /** Extra condition on `n`/`p`, e.g. a date range given by arguments. */
  where?: string;
}

/** `withTotal: false` (plain lists, which have no totalCount) skips counting every parent's items. */
export function relationPageQuery(
  spec: RelationSpec,
  parentIds: readonly string[],
  page: PageWindow,
  params: Record<string, unknown> = {},
  withTotal = true,
): CypherQuery {
  const match = `MATCH ${spec.pattern}${spec.where ? ` WHERE ${spec.where}` : ''}`;
  const total = withTotal
    ? `CALL (p) { ${match} WITH DISTINCT n WHERE ${VISIBLE} RETURN count(n) AS totalCount }`
    : 'WITH p, parentId, -1 AS totalCount';
  const text = `UNWIND $parentIds AS parentId
MATCH (p:${spec.parentLabel} {id: parentId})
${total}
CALL (p) { ${match} ${windowClause(spec.sortKey, WHOLE_ITEMS, new PrefetchNames())} }
RETURN parentId, totalCount, items`;
  return cypher(text, { ...params, ...windowParams(page), parentIds: [...parentIds] });
}

/** Nodes of one label by id, batched. */
export function nodesByIdQuery(label: string, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) WHERE ${VISIBLE} RETURN id, properties(n) AS node`,
    { ids: [...ids] },
  );
}
