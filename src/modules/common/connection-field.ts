/**
 * Connection fields of a relation (`officialsConnection`, a nation's `meetings`...), declared as
 * data like relation fields. They take cursors and filters, so they are never fetched ahead.
 */
import type { RelationSpec } from '../../graph/page-spec';
import { DatedPageArgs, dateRangeParams } from './date-range.args';
import type { FieldDeclaration } from './field-resolvers';
import { PageArgs } from './page-args';
import { relationConnection } from './paged-connection';

/**
 * Every item of a relation, paged; `dated`: within an inclusive date range (`from`, `to`), which
 * the relation's `where` reads.
 */
export function connectionField(
  type: () => abstract new () => unknown,
  spec: RelationSpec,
  options: { description?: string; dated?: boolean } = {},
): FieldDeclaration {
  const { description, dated = false } = options;
  return {
    type,
    options: { description },
    args: dated ? DatedPageArgs : PageArgs,
    resolve: (root, args: DatedPageArgs, ctx) =>
      relationConnection(ctx.reader, spec, root.id, args, dated ? dateRangeParams(args) : {}),
  };
}
