/**
 * Per-request read helper: node lookups and relation pages are collected by DataLoader during one
 * tick of resolution and sent as one UNWIND statement per relation, so a request makes a number of
 * round trips bounded by its nesting depth, never by how many results it has.
 */
import DataLoader from 'dataloader';
import type { Page } from '../modules/common/connection.type';
import type { GraphDatabase, Row } from './database';
import type { CypherQuery } from './cypher';
import {
  nodesByIdQuery,
  relationPageQuery,
  rootCountQuery,
  rootPageQuery,
  type PageWindow,
  type RelationSpec,
  type RootPageSpec,
} from './paging.cypher';
import type { PrefetchPlan } from './prefetch.cypher';
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

function withoutPrefetched(item: PageItem): { key: string; node: NodeRecord } {
  return { key: item.key, node: item.node };
}

export class GraphReader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly db: GraphDatabase,
    private readonly stats?: QueryStats,
    private readonly bookmarks?: string[],
  ) {}

  /** Runs one read statement directly (for queries that are not per-parent lists). */
  read(query: CypherQuery): Promise<Row[]> {
    return this.db.read(query, { stats: this.stats, bookmarks: this.bookmarks });
  }

  async nodeById<T extends { id: string }>(label: string, id: string): Promise<T | null> {
    const loader = this.loader(`node:${label}`, async (ids) => {
      const rows = await this.read(nodesByIdQuery(label, ids));
      const byId = new Map(rows.map((row) => [row.id as string, row.node]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return (await loader.load(id)) as T | null;
  }

  /**
   * One page of a root listing. Its `totalCount` is a function, which GraphQL calls only when a
   * client selects the field: counting every match is often the most expensive part of a page.
   * The relations in `plans` come back in the same statement and wait in the batch loaders, so the
   * field resolvers that ask for them next make no round trip of their own.
   */
  async rootPage<T extends { id: string }>(
    spec: RootPageSpec,
    window: PageWindow,
    plans: readonly PrefetchPlan[] = [],
  ): Promise<Page<T>> {
    const rows = await this.read(rootPageQuery(spec, window, plans));
    const items = (rows[0]?.items ?? []) as PageItem[];
    this.primePrefetched(items.slice(0, window.first), plans);
    const page = toPage<T>({ totalCount: 0, items: items.map(withoutPrefetched) }, window.first);
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

  /** A plain list (no totalCount, so nothing is counted). */
  async relationList<T extends { id: string }>(
    spec: RelationSpec,
    parentId: string,
    first: number,
  ): Promise<T[]> {
    const page = await this.batchedRelation<T>(spec, parentId, { first, after: undefined }, {}, false);
    return page.items.map((item) => item.node);
  }

  private async batchedRelation<T extends { id: string }>(
    spec: RelationSpec,
    parentId: string,
    window: PageWindow,
    params: Record<string, unknown>,
    withTotal: boolean,
  ): Promise<Page<T>> {
    return (await this.relationLoader(spec, window, params, withTotal).load(parentId)) as Page<T>;
  }

  private relationLoader(
    spec: RelationSpec,
    window: PageWindow,
    params: Record<string, unknown>,
    withTotal: boolean,
  ): DataLoader<string, unknown> {
    // Parents asking for the same window and parameters can share a statement; others get their own batch.
    const batchKey = `rel:${spec.name}:${withTotal}:${JSON.stringify([window, params])}`;
    return this.loader(batchKey, async (parentIds) => {
      const rows = await this.read(relationPageQuery(spec, parentIds, window, params, withTotal));
      const byParent = new Map(rows.map((row) => [row.parentId as string, row as unknown as PageRow]));
      return parentIds.map((id) => toPage(byParent.get(id), window.first));
    });
  }

  /**
   * Hands fetched-ahead relations to the loaders that plain relation lists use (same spec, same
   * window), for every level of the plan; a later load of one of them is then answered from memory.
   */
  private primePrefetched(items: readonly PageItem[], plans: readonly PrefetchPlan[]): void {
    plans.forEach((plan, index) => {
      const loader = this.relationLoader(plan.spec, { first: plan.first, after: undefined }, {}, false);
      for (const item of items) {
        const related = item.prefetched?.[`r${index}`];
        // null: the item isn't of the plan's parent type (one member of an interface).
        if (!related) continue;
        loader.prime(
          item.node.id,
          toPage({ totalCount: -1, items: related.map(withoutPrefetched) }, plan.first),
        );
        this.primePrefetched(related.slice(0, plan.first), plan.children);
      }
    });
  }

  async relationOne<T extends { id: string }>(spec: RelationSpec, parentId: string): Promise<T | null> {
    return (await this.relationList<T>(spec, parentId, 1))[0] ?? null;
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
