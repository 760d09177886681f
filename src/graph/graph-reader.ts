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
import type { QueryStats } from './query-stats';
import type { Plain } from './values';

export type NodeRecord = { id: string } & Record<string, Plain>;

type PageRow = { totalCount: number; items: { key: string; node: NodeRecord }[] };

function toPage<T extends { id: string }>(row: PageRow | undefined, first: number): Page<T> {
  const items = (row?.items ?? []) as { key: string; node: T }[];
  return {
    totalCount: row?.totalCount ?? 0,
    items: items.slice(0, first),
    hasNextPage: items.length > first,
  };
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
   */
  async rootPage<T extends { id: string }>(spec: RootPageSpec, window: PageWindow): Promise<Page<T>> {
    const rows = await this.read(rootPageQuery(spec, window));
    const page = toPage<T>(
      { totalCount: 0, items: (rows[0]?.items ?? []) as PageRow['items'] },
      window.first,
    );
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
    // Parents asking for the same window and parameters can share a statement; others get their own batch.
    const batchKey = `rel:${spec.name}:${withTotal}:${JSON.stringify([window, params])}`;
    const loader = this.loader(batchKey, async (parentIds) => {
      const rows = await this.read(relationPageQuery(spec, parentIds, window, params, withTotal));
      const byParent = new Map(rows.map((row) => [row.parentId as string, row as unknown as PageRow]));
      return parentIds.map((id) => toPage<T>(byParent.get(id), window.first));
    });
    return (await loader.load(parentId)) as Page<T>;
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
