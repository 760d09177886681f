/**
 * Lists read as Relay connections. Each names its list once, and that name goes both into the
 * cursors it issues and into the check of the cursor it is given (see encodeCursor).
 */
import type { GraphReader } from '../../graph/graph-reader';
import type { ItemPlan, RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { toConnection, type ConnectionShape } from './connection.type';
import { toPageRequest, type CursorOrdering } from './page-args';

type PageArguments = { first?: number | null; after?: string | null };

/**
 * A root listing (`meetings`, `timeline`...), its items read as `items` plans (fetch-ahead);
 * `ordering` is its `orderBy` when it has one (see list-order.ts), which its cursors carry.
 */
export async function rootConnection<T extends { id: string }>(
  reader: GraphReader,
  list: string,
  spec: RootPageSpec,
  args: PageArguments,
  items?: ItemPlan,
  ordering?: CursorOrdering,
): Promise<ConnectionShape<T>> {
  const page = await reader.rootPage<T>(spec, toPageRequest(args, list, ordering), items);
  return toConnection(page, list, ordering);
}

/**
 * A relation of one parent: the `xConnection` twin of a plain list that can grow past one page (a
 * summit's participants, an organization's members, everywhere a nation is mentioned). Loads are
 * batched across the request's parents like every other relation.
 */
export async function relationConnection<T extends { id: string }>(
  reader: GraphReader,
  spec: RelationSpec,
  parentId: string,
  args: PageArguments,
  params: Record<string, unknown> = {},
): Promise<ConnectionShape<T>> {
  const page = await reader.relationPage<T>(spec, parentId, toPageRequest(args, spec.name), params);
  return toConnection(page, spec.name);
}
