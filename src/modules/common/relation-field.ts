/**
 * Relation fields, each declared once: the declaration gives the field its resolver (the reader's
 * relationList / relationOne) and records the relation on the schema field, where the selection
 * planner finds it. A field declared here is fetched ahead; nothing else has to list it.
 */
import type { GraphQLField } from 'graphql';
import type { RelationSpec } from '../../graph/page-spec';
import type { FieldDeclaration } from './field-resolvers';
import { ListArgs } from './list-args';
import { pageSize } from './page-args';

/** `one`: the field is a single related node (`relationOne`); otherwise a list taking `first`. */
export interface RelationField {
  spec: RelationSpec;
  one: boolean;
}

/** The schema extension under which a relation field keeps its declaration. */
const RELATION = 'relation';

type ItemType = () => abstract new () => unknown;
type Options = { nullable?: boolean; description?: string };

/** A plain list of related nodes, `first` at a time, with no totalCount. */
export function relationList(type: ItemType, spec: RelationSpec, options?: Options): FieldDeclaration {
  const relation: RelationField = { spec, one: false };
  return {
    type: () => [type()],
    options,
    args: ListArgs,
    extensions: { [RELATION]: relation },
    resolve: (root, args: ListArgs, ctx) => ctx.reader.relationList(spec, root, pageSize(args.first)),
  };
}

/** A single related node, or null. */
export function relationOne(type: ItemType, spec: RelationSpec, options?: Options): FieldDeclaration {
  const relation: RelationField = { spec, one: true };
  return {
    type,
    options,
    extensions: { [RELATION]: relation },
    resolve: (root, _args, ctx) => ctx.reader.relationOne(spec, root),
  };
}

/** The relation a schema field loads, when it was declared with relationList or relationOne. */
export function relationOf(field: GraphQLField<unknown, unknown>): RelationField | undefined {
  return field.extensions[RELATION] as RelationField | undefined;
}
