/**
 * Per-request read helper: node lookups and relation pages are collected by DataLoader during one
 * tick of resolution and sent as one UNWIND statement per relation, so a request makes a number of
 * round trips bounded by its nesting depth, never by how many results it has.
 */
import DataLoader from 'dataloader';
import type { GraphDatabase, Row, RunOptions } from './database';
import type { CypherQuery } from './cypher';
import type { KnownEntity } from '../extract/draft.types';
import { knownEntitiesQuery, knownEntityFromRow } from './known-entities.cypher';
import type { Label } from './model';
import {
  WHOLE_ITEMS,
  type ItemPlan,
  type Page,
  type PageWindow,
  type PrefetchPlan,
  type RelationSpec,
  type RootPageSpec,
} from './page-spec';
import { nodeLookupQuery } from './node-lookup.cypher';
import { nodesByIdQuery, relationPageQuery, rootCountQuery, rootPageQuery } from './paging.cypher';
import type { QueryStats } from './query-stats';
import type { Plain } from './values';

export type NodeRecord = { id: string } & Record<string, Plain>;

/** An item as a page statement returns it; `prefetched` holds one entry per fetch-ahead plan. */
type PageItem = { key: string; node: NodeRecord; prefetched?: Record<string, PageItem[] | null> };
type PageRow = { totalCount: number; items: PageItem[] };

function toPage<T extends { id: string }>(row: PageRow | undefined, first: number): Page<T> {
  const items = (row?.items ?? []) as { key: string; node: T }[];
  return {
    totalCount: row?.totalCount ?? 0,
    items: items.slice(0, first),
    hasNextPage: items.length > first,
  };
}

/**
 * Fetched-ahead pages live on their parent node, under a symbol (never in a response), as the
 * statement returned them: the item's `prefetched` map and the plans it answers. Kept with the
 * parent rather than in a shared cache: a page fetched ahead carries only the properties this part
 * of the request reads, so nothing else may reuse it. A page is taken from there only when its
 * field is resolved, so an answer is walked once (by toPlain), not rebuilt level by level first.
 */
const PREFETCHED = Symbol('prefetched');
interface HeldPages {
  prefetched: Record<string, PageItem[] | null>;
  plans: readonly PrefetchPlan[];
}
type Prefetched = { [PREFETCHED]?: HeldPages };

/** Keeps each item's fetched-ahead pages on its node, for relationList to find (one level). */
function holdPrefetched(items: readonly PageItem[], plans: readonly PrefetchPlan[]): void {
  if (plans.length === 0) return;
  for (const item of items) {
    // Enumerable: type-graphql copies results into class instances with Object.assign, which
    // carries enumerable symbol keys along; JSON and GraphQL never show a symbol key.
    if (item.prefetched) (item.node as Prefetched)[PREFETCHED] = { prefetched: item.prefetched, plans };
  }
}

/** The page of `spec` fetched ahead with `parent`, or undefined when the plan had none for it. */
function heldPage(parent: { id: string }, spec: RelationSpec, first: number): Page<NodeRecord> | undefined {
  const held = (parent as Prefetched)[PREFETCHED];
  if (!held) return undefined;
  const index = held.plans.findIndex((plan) => plan.spec.name === spec.name && plan.first === first);
  // null: the item isn't of the plan's parent type (one member of an interface).
  const related = index === -1 ? undefined : held.prefetched[`r${index}`];
  if (!related) return undefined;
  const page = toPage<NodeRecord>({ totalCount: -1, items: related }, first);
  holdPrefetched(page.items as PageItem[], held.plans[index].items.relations);
  return page;
}

export class GraphReader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  /** Lookup loaders per plan: lookups share a statement only when they fetch the same things ahead. */
  private readonly lookupLoaders = new Map<ItemPlan, Map<Label, DataLoader<string, NodeRecord | null>>>();

  constructor(
    private readonly db: GraphDatabase,
    private readonly stats?: QueryStats,
    private readonly bookmarks?: string[],
    private readonly gate?: RunOptions['gate'],
  ) {}

  /** Runs one read statement directly (for queries that are not per-parent lists). */
  read(query: CypherQuery): Promise<Row[]> {
    return this.db.read(query, { stats: this.stats, bookmarks: this.bookmarks, gate: this.gate });
  }

  /**
   * The entities an article's names could mean (see known-entities.cypher.ts), in one round trip:
   * every nation and topic, and the officials, organizations and places those names find.
   */
  async knownEntities(names: readonly string[]): Promise<KnownEntity[]> {
    const rows = await this.read(knownEntitiesQuery(names));
    return rows.map(knownEntityFromRow);
  }

  async nodeById<T extends { id: string }>(label: Label, id: string): Promise<T | null> {
    const loader = this.loader(`node:${label}`, async (ids) => {
      const rows = await this.read(nodesByIdQuery(label, ids));
      const byId = new Map(rows.map((row) => [row.id as string, row.node]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return (await loader.load(id)) as T | null;
  }

  /**
   * The node with `id`, or the node an alias id stands for, null when neither is there (or both
   * are retracted). `items` says which properties the request reads and which relations come back
   * in the same statement (see rootPage); without a plan, every property a field reads.
   */
  async lookupNode<T extends { id: string }>(
    label: Label,
    id: string,
    items: ItemPlan = WHOLE_ITEMS,
  ): Promise<T | null> {
    let byLabel = this.lookupLoaders.get(items);
    if (!byLabel) {
      byLabel = new Map();
      this.lookupLoaders.set(items, byLabel);
    }
    let loader = byLabel.get(label);
    if (!loader) {
      loader = new DataLoader<string, NodeRecord | null>(
        async (ids) => {
          const rows = await this.read(nodeLookupQuery(label, ids, items));
          const found = rows.map((row) => row.item as unknown as PageItem);
          holdPrefetched(found, items.relations);
          const byId = new Map(rows.map((row, index) => [row.id as string, found[index].node]));
          return ids.map((lookedUp) => byId.get(lookedUp) ?? null);
        },
        { maxBatchSize: 1000 },
      );
      byLabel.set(label, loader);
    }
    return (await loader.load(id)) as T | null;
  }

  /**
   * One page of a root listing. Its `totalCount` is a function, which GraphQL calls only when a
   * client selects the field: counting every match is often the most expensive part of a page.
   * `items` says which properties the request reads and which relations come back in the same
   * statement; those wait on their parent item, so the field resolvers that ask for them next
   * make no round trip of their own.
   */
  async rootPage<T extends { id: string }>(
    spec: RootPageSpec,
    window: PageWindow,
    items: ItemPlan = WHOLE_ITEMS,
  ): Promise<Page<T>> {
    const rows = await this.read(rootPageQuery(spec, window, items));
    const page = toPage<T>({ totalCount: 0, items: (rows[0]?.items ?? []) as PageItem[] }, window.first);
    holdPrefetched(page.items as PageItem[], items.relations);
    let counted: Promise<number> | undefined;
    return {
      ...page,
      totalCount: () =>
        (counted ??= this.read(rootCountQuery(spec)).then((count) => count[0].totalCount as number)),
    };
  }

  /** One page of a relation under `parentId`; calls for other parents in the same tick share one statement. */
  relationPage<T extends { id: string }>(
    spec: RelationSpec,
    parentId: string,
    window: PageWindow,
    params: Record<string, unknown> = {},
  ): Promise<Page<T>> {
    return this.batchedRelation<T>(spec, parentId, window, params, true);
  }

  /**
   * A plain list (no totalCount, so nothing is counted): fetched ahead with the parent when the
   * request's plan included it, else loaded with the same relation of the other parents. A list
   * fetched ahead is returned as is, not as a promise, so GraphQL completes the whole fetched tree
   * without a promise per item.
   */
  relationList<T extends { id: string }>(
    spec: RelationSpec,
    parent: { id: string },
    first: number,
  ): T[] | Promise<T[]> {
    const held = heldPage(parent, spec, first);
    if (held) return held.items.map((item) => item.node as unknown as T);
    return this.batchedRelation<T>(spec, parent.id, { first, after: undefined }, {}, false).then((page) =>
      page.items.map((item) => item.node),
    );
  }

  private async batchedRelation<T extends { id: string }>(
    spec: RelationSpec,
    parentId: string,
    window: PageWindow,
    params: Record<string, unknown>,
    withTotal: boolean,
  ): Promise<Page<T>> {
    // Parents asking for the same window and parameters can share a statement; others get their own batch.
    const batchKey = `rel:${spec.name}:${withTotal}:${JSON.stringify([window, params])}`;
    const loader = this.loader(batchKey, async (parentIds) => {
      const rows = await this.read(relationPageQuery(spec, parentIds, window, params, withTotal));
      const byParent = new Map(rows.map((row) => [row.parentId as string, row as unknown as PageRow]));
      return parentIds.map((id) => toPage(byParent.get(id), window.first));
    });
    return (await loader.load(parentId)) as Page<T>;
  }

  relationOne<T extends { id: string }>(
    spec: RelationSpec,
    parent: { id: string },
  ): T | null | Promise<T | null> {
    const items = this.relationList<T>(spec, parent, 1);
    return Array.isArray(items) ? (items[0] ?? null) : items.then((loaded) => loaded[0] ?? null);
  }

  /** A custom batched lookup: `batch` receives every key requested in this tick. */
  batched<V>(name: string, key: string, batch: (keys: readonly string[]) => Promise<V[]>): Promise<V> {
    return this.loader(`custom:${name}`, batch).load(key) as Promise<V>;
  }

  private loader(
    name: string,
    batch: (keys: readonly string[]) => Promise<unknown[]>,
  ): DataLoader<string, unknown> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader;
  }
}
