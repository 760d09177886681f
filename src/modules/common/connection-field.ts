/**
 * Connection fields of a relation (`officialsConnection`, a nation's `meetings`...), declared as
 * data like relation fields. They take cursors and filters, so they are never fetched ahead.
 */
import type { RelationSpec } from '../../graph/page-spec';
import { DatedPageArgs, dateRangeParams } from './date-range.args';
import type { FieldDeclaration } from './field-resolvers';
import { PageArgs } from './page-args';
import { relationConnection } from './paged-connection';

type ConnectionType = () => abstract new () => unknown;

/** Every item of a relation, paged. */
export function connectionField(
  type: ConnectionType,
  spec: RelationSpec,
  options?: { description?: string },
): FieldDeclaration {
  return {
    type,
    options,
    args: PageArgs,
    resolve: (root, args: PageArgs, ctx) => relationConnection(ctx.reader, spec, root.id, args),
  };
}

/** Items of a relation within an inclusive date range (`from`, `to`), paged. */
export function datedConnectionField(
  type: ConnectionType,
  spec: RelationSpec,
  options?: { description?: string },
): FieldDeclaration {
  return {
    type,
    options,
    args: DatedPageArgs,
    resolve: (root, args: DatedPageArgs, ctx) =>
      relationConnection(ctx.reader, spec, root.id, args, dateRangeParams(args)),
  };
}
