/**
 * What a paged read is asked for, as data: root listings and relations are declared with these
 * types in the modules' *.cypher.ts files, and only the builders in graph/ turn them into Cypher.
 */
import type { Label } from './model';

/** Where a page starts: the sort key and id of the item before it. */
export interface CursorPosition {
  key: string;
  id: string;
}

export interface PageWindow {
  first: number;
  after: CursorPosition | undefined;
}

/** One page as the graph layer returns it: items with their sort keys, plus the total. */
export interface Page<T extends { id: string }> {
  /** A number, or a function that counts on demand (GraphQL calls it only when the field is selected). */
  totalCount: number | (() => Promise<number>);
  items: { key: string; node: T }[];
  hasNextPage: boolean;
}

/**
 * `match` binds `n` (and may filter it); `sortKey` is a Cypher string expression over `n`. Both come
 * from constants in *.cypher.ts files, never from input. A root listing is the outermost part of
 * its statement, so it owns its variable names; everything nested under it gets fresh ones.
 */
export interface RootPageSpec {
  match: string;
  sortKey: string;
  params?: Record<string, unknown>;
  /**
   * Newest or last first: the same key read the other way, ties broken by id the other way too,
   * so a descending page is exactly the ascending listing reversed (and an index serves it backwards).
   */
  descending?: boolean;
  /**
   * Set when the listing is the nodes of one label (with optional conditions on `n`) ordered by a
   * string property every such node has, behind a range index; `sortKey` is then `n.<property>`.
   * A page is read in index order, so it costs the same on a million nodes as on a thousand,
   * instead of sorting every match.
   */
  indexedOrder?: { label: string; property: string; where?: string };
  /**
   * Set when the listing is a union of walks along one composite range index, each fixing its
   * leading properties to one row of values (one walk per topic and stance, say): each walk reads
   * at most a page from the cursor's key in index order, and the walks are merged by that key. A
   * page then costs (number of walks) x (page size) whatever the number of matches; `match` and
   * `sortKey` still say the same listing, for counting. `sortKey` is `n.<property>`.
   */
  indexedWalks?: IndexedWalks;
}

/** See RootPageSpec.indexedWalks. Everything in it comes from constants in *.cypher.ts files. */
export interface IndexedWalks {
  /** Cypher that binds, per walk, one variable per `equal` entry (and nothing named `n` or `e`). */
  walks: string;
  /**
   * What each walk reads along its index: a pattern binding the listed node `n` and `entity`, the
   * node or relationship whose properties the index holds (`n` itself for a node index). Several
   * patterns (one per relationship type, say) make several walks per row of `walks`.
   */
  along: readonly { pattern: string; entity: 'n' | 'e' }[];
  /** Leading index properties, each with the variable of `walks` that holds its value in a walk. */
  equal: readonly { property: string; variable: string }[];
  /** The index's last property: a string on every entity, the page's sort key. */
  property: string;
  /** Bounds on the sort key (Cypher over parameters), sought in the index rather than checked. */
  range?: { atLeast?: string; atMost?: string };
  /** Conditions on `n` checked on the way (a walk reads on until it has a page that passes them). */
  where?: string;
}

/** The two variables a relation is written over; the statement builder chooses them. */
export interface RelationVariables {
  parent: string;
  node: string;
}

/**
 * A relation from a parent node to the nodes it leads to. Its Cypher is a function of the variable
 * names, so a builder can nest relations inside one another without two levels sharing a name.
 */
export interface RelationSpec {
  /** Unique name, used to batch loads of this relation within a request and to name its cursors. */
  name: string;
  parentLabel: Label;
  /** A pattern from `parent` to `node`, e.g. `(parent)<-[:NATIONAL_OF]-(node:Official)`. */
  pattern: (variables: RelationVariables) => string;
  /**
   * Exactly one fixed-length relationship: it can't reach a node twice (relationships are merged,
   * never duplicated), so its items need no DISTINCT.
   */
  singleHop: boolean;
  /** A Cypher string expression over `node` that orders the items. */
  sortKey: (node: string) => string;
  /** Extra condition, e.g. a date range given by arguments (such relations aren't fetched ahead). */
  where?: (variables: RelationVariables) => string;
}

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
