/**
 * Fetch-ahead of nested relations: a page's statement can also return, for each of its items, the
 * relations a request selects under it (and theirs, recursively), as nested COLLECT subqueries. A
 * nested list then costs no round trip of its own; without a plan the same relation is loaded by
 * the per-request batch loaders, so a plan only ever saves work, it never changes an answer.
 */
import type { RelationSpec } from './paging.cypher';
import { int } from './values';

/** What a page statement returns for each of its items: which properties, which relations. */
export interface ItemPlan {
  /** The properties a request reads (`id` is always added), or null for all of them. */
  properties: readonly string[] | null;
  relations: readonly PrefetchPlan[];
}

/** Every property and no relation: what a statement returns when nothing is known of the request. */
export const WHOLE_ITEMS: ItemPlan = { properties: null, relations: [] };

/** One relation to fetch ahead under each parent item, and what to return of its own items. */
export interface PrefetchPlan {
  /** A relation without a `where` (conditions with parameters are left to the batch loaders). */
  spec: RelationSpec;
  /** Items wanted per parent (the field's `first`, or 1 for a single relation). */
  first: number;
  items: ItemPlan;
}

/** Where a fetched-ahead page is kept on its parent: one key per relation and page size. */
export function prefetchKey(spec: RelationSpec, first: number): string {
  return `${spec.name}:${first}`;
}

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `node: ...` and `prefetched: {...}` entries of an item map. Properties come from schema field
 * names, never from input; a name that isn't a plain identifier is a bug, so it fails loudly.
 */
export function itemEntries(variable: string, plan: ItemPlan, names: PrefetchNames): string {
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

/** Retracted facts stay in the graph for the audit trail but are left out of every normal read. */
export function visible(variable: string): string {
  return `${variable}.retractedAt IS NULL`;
}

/**
 * Relation specs are written with `p` for the parent and `n` for the related node; a nested
 * subquery sees every variable of its outer scopes, so each level gets names of its own.
 */
export function renameVariables(text: string, parent: string, node: string): string {
  return text.replace(/(?<![\w$.`'])([pn])(?![\w`'])/g, (_, name: string) => (name === 'p' ? parent : node));
}

/** A pattern of exactly one fixed-length relationship, e.g. `(p)<-[:ATTENDED]-(n:Actor)`. */
function isSingleHop(pattern: string): boolean {
  return (pattern.match(/\[/g) ?? []).length === 1 && !pattern.includes('*');
}

/** Numbers the variables and parameters of one statement's nested subqueries. */
export class PrefetchNames {
  private next = 0;
  readonly params: Record<string, unknown> = {};

  take(): number {
    return this.next++;
  }
}

/**
 * A Cypher map `{r0: [...], r1: [...]}` with one entry per plan, each the related items of the
 * node bound to `variable`: `[{node, prefetched}]`, ordered and limited like a relation page
 * (one item more than `first`, which tells whether more follow). An entry is null where the node
 * lacks the plan's parent label (a field of one member of an interface).
 */
export function prefetchMap(variable: string, plans: readonly PrefetchPlan[], names: PrefetchNames): string {
  const entries = plans.map((plan, index) => {
    const i = names.take();
    const node = `c${i}`;
    const limit = `prefetchLimit${i}`;
    names.params[limit] = int(plan.first + 1);
    const { spec } = plan;
    const sortKey = renameVariables(spec.sortKey, variable, node);
    // One hop can't reach a node twice (relationships are merged, never duplicated), so only
    // longer patterns pay for DISTINCT.
    const distinct = isSingleHop(spec.pattern)
      ? `WHERE ${visible(node)}`
      : `WITH DISTINCT ${node} WHERE ${visible(node)}`;
    return `r${index}: CASE WHEN ${variable}:${spec.parentLabel} THEN COLLECT {
      MATCH ${renameVariables(spec.pattern, variable, node)} ${distinct}
      WITH ${node} ORDER BY coalesce(toString(${sortKey}), ''), ${node}.id LIMIT $${limit}
      RETURN {${itemEntries(node, plan.items, names)}} } END`;
  });
  return `{${entries.join(', ')}}`;
}
