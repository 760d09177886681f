/**
 * Relation fields, each declared once: the declaration gives the field its resolver (the reader's
 * relationList / relationOne) and records the relation on the schema field, where the selection
 * planner finds it. A field declared here is fetched ahead; nothing else has to list it.
 */
import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../../server/context';
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

/**
 * Gives every relation field of `schema` its reader call as its resolver, in place of type-graphql's
 * wrapper, which per call builds an instance of the field's argument class and validates it in an
 * async step (a promise per item of a list). Fields in `guarded` (with authorization or middlewares)
 * keep the wrapper. The call is the one the declaration makes, so answers and errors are the same.
 */
export function resolveRelationsDirectly(schema: GraphQLSchema, guarded: ReadonlySet<string>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const relation = relationOf(field);
      if (!relation || guarded.has(field.name)) continue;
      const { spec } = relation;
      field.resolve = relation.one
        ? (root: { id: string }, _args, ctx: RequestContext) => ctx.reader.relationOne(spec, root)
        : (root: { id: string }, args: ListArgs, ctx: RequestContext) =>
            ctx.reader.relationList(spec, root, pageSize(args.first));
    }
  }
}
