/**
 * Relay connections: `{ totalCount nodes edges { cursor node } pageInfo }`, one concrete GraphQL type
 * per entity, made by a factory so every connection in the schema has the same shape.
 */
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../../graph/page-spec';
import { encodeCursor } from './page-args';

@ObjectType({ description: 'Where a page ends, and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` to get the next page; null on an empty page.',
  })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  totalCount: number | Promise<number>;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export function toConnection<T extends { id: string }>(page: Page<T>, list: string): ConnectionShape<T> {
  const edges = page.items.map((item) => ({
    cursor: encodeCursor({ key: item.key, id: item.node.id }, list),
    node: item.node,
  }));
  const connection = {
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  } as ConnectionShape<T>;
  const total = page.totalCount;
  // A getter: GraphQL reads `totalCount` only when a client selects it, so the count runs only then.
  Object.defineProperty(connection, 'totalCount', {
    enumerable: true,
    get: () => (typeof total === 'function' ? total() : total),
  });
  return connection;
}

export function ConnectionType<T extends object>(
  nodeType: ClassType<T> | (abstract new () => T),
  typeName: string,
) {
  @ObjectType(`${typeName}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} items (Relay connection).` })
  class Connection {
    @Field(() => Int, { description: 'How many items match in all pages.' })
    totalCount: number;

    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return Connection;
}
