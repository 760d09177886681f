/**
 * Fetch-ahead of nested relations: a page's statement can also return, for each of its items, the
 * relations a request selects under it (and theirs, recursively), as nested COLLECT subqueries. A
 * nested list then costs no round trip of its own; without a plan the same relation is loaded by
 * the per-request batch loaders, so a plan only ever saves work, it never changes an answer.
 */
import type { CypherNames } from './cypher-names';
import type { ItemPlan, PrefetchPlan, RelationSpec } from './page-spec';
import { int } from './values';
import { visible } from './visible';

/** Where a fetched-ahead page is kept on its parent: one key per relation and page size. */
export function prefetchKey(spec: RelationSpec, first: number): string {
  return `${spec.name}:${first}`;
}

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `node: ...` and `prefetched: {...}` entries of an item map. Properties come from schema field
 * names, never from input; a name that isn't a plain identifier is a bug, so it fails loudly.
 */
export function itemEntries(variable: string, plan: ItemPlan, names: CypherNames): string {
  let node = `properties(${variable})`;
  if (plan.properties) {
    const properties = ['id', ...plan.properties.filter((property) => property !== 'id')];
    const invalid = properties.find((property) => !PROPERTY_NAME.test(property));
    if (invalid) throw new Error(`not a property name: ${invalid}`);
    node = `${variable} {${properties.map((property) => `.${property}`).join(', ')}}`;
  }
  const prefetched = plan.relations.length
    ? `, prefetched: ${prefetchMap(variable, plan.relations, names)}`
    : '';
  return `node: ${node}${prefetched}`;
}

/** Deepest nesting fetched ahead in one statement; deeper levels fall back to the batch loaders. */
export const MAX_PREFETCH_DEPTH = 4;

/**
 * A Cypher map `{r0: [...], r1: [...]}` with one entry per plan, each the related items of the
 * node bound to `variable`: `[{node, prefetched}]`, ordered and limited like a relation page
 * (one item more than `first`, which tells whether more follow). An entry is null where the node
 * lacks the plan's parent label (a field of one member of an interface).
 */
function prefetchMap(variable: string, plans: readonly PrefetchPlan[], names: CypherNames): string {
  const entries = plans.map((plan, index) => {
    const { spec } = plan;
    // A nested subquery sees every variable of its outer scopes, so each level takes a fresh name.
    const node = names.variable('c');
    const limit = names.param('prefetchLimit', int(plan.first + 1));
    const distinct = spec.singleHop
      ? `WHERE ${visible(node)}`
      : `WITH DISTINCT ${node} WHERE ${visible(node)}`;
    return `r${index}: CASE WHEN ${variable}:${spec.parentLabel} THEN COLLECT {
      MATCH ${spec.pattern({ parent: variable, node })} ${distinct}
      WITH ${node} ORDER BY coalesce(toString(${spec.sortKey(node)}), ''), ${node}.id LIMIT $${limit}
      RETURN {${itemEntries(node, plan.items, names)}} } END`;
  });
  return `{${entries.join(', ')}}`;
}
