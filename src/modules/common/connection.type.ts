/**
 * Relay connections: `{ totalCount nodes edges { cursor node } pageInfo }`, one concrete GraphQL type
 * per entity, made by a factory so every connection in the schema has the same shape.
 */
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../../graph/page-spec';
import { encodeCursor, type CursorOrdering } from './page-args';

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

/**
 * Cursors are encoded only when a client reads them (an edge's `cursor`, `pageInfo.endCursor`):
 * most requests read `nodes` alone, and encoding is most of the cost of turning a page into a
 * connection. Each is the same string whenever it is read.
 */
export function toConnection<T extends { id: string }>(
  page: Page<T>,
  list: string,
  ordering?: CursorOrdering,
): ConnectionShape<T> {
  const { items } = page;
  const cursorOf = (item: { key: string; node: T }) =>
    encodeCursor({ key: item.key, id: item.node.id }, list, ordering);
  let edges: { cursor: string; node: T }[] | undefined;
  const total = page.totalCount;
  return {
    nodes: items.map((item) => item.node),
    get edges() {
      return (edges ??= items.map((item) => ({
        node: item.node,
        get cursor() {
          return cursorOf(item);
        },
      })));
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      get endCursor() {
        return items.length > 0 ? cursorOf(items[items.length - 1]) : null;
      },
    },
    // A getter: GraphQL reads `totalCount` only when a client selects it, so the count runs only then.
    get totalCount() {
      return typeof total === 'function' ? total() : total;
    },
  };
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
