/**
 * A relation read as a Relay connection: the `xConnection` twin of a plain list that can grow past
 * one page (a summit's participants, an organization's members, everywhere a nation is mentioned).
 * Loads are batched across the request's parents like every other relation.
 */
import type { GraphReader } from '../../graph/graph-reader';
import type { RelationSpec } from '../../graph/paging.cypher';
import { toConnection, type ConnectionShape } from './connection.type';
import { toPageRequest } from './page-args';

export async function relationConnection<T extends { id: string }>(
  reader: GraphReader,
  spec: RelationSpec,
  parentId: string,
  args: { first?: number | null; after?: string | null },
  params: Record<string, unknown> = {},
): Promise<ConnectionShape<T>> {
  const page = await reader.relationPage<T>(spec, parentId, toPageRequest(args, spec.name), params);
  return toConnection(page, spec.name);
}
