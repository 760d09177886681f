/**
 * Fetch-ahead of nested relations: a page's statement can also return, for each of its items, the
 * relations a request selects under it (and theirs, recursively), as nested COLLECT subqueries. A
 * nested list then costs no round trip of its own; without a plan the same relation is loaded by
 * the per-request batch loaders, so a plan only ever saves work, it never changes an answer.
 */
import { CypherNames } from './cypher-names';
import type { ItemPlan, PrefetchPlan } from './page-spec';
import { int } from './values';
import { visible } from './visible';

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `node: ...` and `prefetched: {...}` entries of an item map. Properties come from schema field
 * names, never from input; a name that isn't a plain identifier is a bug, so it fails loudly.
 * `wholeNode` is what the item is when the plan reads every property (a lookup leaves out what
 * graph/lookup-projection.cypher.ts says); nested items are always returned as stored.
 */
export function itemEntries(
  variable: string,
  plan: ItemPlan,
  names: CypherNames,
  wholeNode = `properties(${variable})`,
): string {
  let node = wholeNode;
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

/**
 * The entries of a statement's items bound to `variable`, with the parameters they name, made once
 * per plan: plans are cached per operation (modules/prefetch/selection-plan.ts), so a repeated
 * query's statement is the same text, built once. Only for a part that takes every name of its
 * statement from here (a page's items, a lookup's node).
 */
export function itemEntriesOf(
  variable: string,
  plan: ItemPlan,
  wholeNode = `properties(${variable})`,
): { text: string; params: Readonly<Record<string, unknown>> } {
  let byVariable = builtEntries.get(plan);
  if (!byVariable) {
    byVariable = new Map();
    builtEntries.set(plan, byVariable);
  }
  const key = `${variable} ${wholeNode}`;
  let built = byVariable.get(key);
  if (!built) {
    const names = new CypherNames();
    built = { text: itemEntries(variable, plan, names, wholeNode), params: names.params };
    byVariable.set(key, built);
  }
  return built;
}

const builtEntries = new WeakMap<
  ItemPlan,
  Map<string, { text: string; params: Readonly<Record<string, unknown>> }>
>();

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
