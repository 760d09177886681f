/**
 * Turns what a request selects under a page into fetch-ahead plans, so a nested list such as
 * `meetings { nodes { participants { ... on Official { nation { name } } } } }` is answered by one
 * statement. Only fields listed in RELATION_FIELDS are planned; anything else (connections, fields
 * with filters, an invalid `first`) is left to its resolver, which reports errors as usual.
 */
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { MAX_PREFETCH_DEPTH, type PrefetchPlan } from '../../graph/prefetch.cypher';
import { pageSize } from '../common/page-args';
import { RELATION_FIELDS } from './relation-fields';

/** Plans for the items of a connection field being resolved: its `nodes` and `edges { node }`. */
export function planConnectionItems(info: GraphQLResolveInfo): PrefetchPlan[] {
  const connectionType = getNamedType(info.returnType);
  if (!isObjectType(connectionType)) return [];
  const connectionFields = collect(info, connectionType, info.fieldNodes);
  const itemNodes: FieldNode[] = [...(connectionFields.get('nodes') ?? [])];
  const edgesType = getNamedType(connectionType.getFields().edges?.type);
  const edgeNodes = connectionFields.get('edges');
  if (edgeNodes && isObjectType(edgesType)) {
    itemNodes.push(...(collect(info, edgesType, edgeNodes).get('node') ?? []));
  }
  const itemType = getNamedType(connectionType.getFields().nodes?.type);
  return itemNodes.length && itemType ? plan(info, itemType, itemNodes, 1) : [];
}

/** Fields selected on `type`, by response key, with fragments and @skip/@include applied. */
function collect(info: GraphQLResolveInfo, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]) {
  return collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
}

function plan(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  fieldNodes: readonly FieldNode[],
  depth: number,
): PrefetchPlan[] {
  if (depth > MAX_PREFETCH_DEPTH) return [];
  const objectTypes = isAbstractType(type)
    ? info.schema.getPossibleTypes(type)
    : isObjectType(type)
      ? [type]
      : [];
  // Aliases of one field with the same `first` share a plan; their selections are merged.
  const grouped = new Map<
    string,
    { field: PrefetchPlan; nodes: FieldNode[]; returnType: GraphQLNamedType }
  >();
  for (const objectType of objectTypes) {
    const relations = RELATION_FIELDS[objectType.name];
    if (!relations) continue;
    for (const nodes of collect(info, objectType, fieldNodes).values()) {
      const name = nodes[0].name.value;
      const relation = relations[name];
      const definition = objectType.getFields()[name];
      if (!relation || !definition || relation.spec.where) continue;
      const first = relation.one ? 1 : requestedFirst(definition, nodes[0], info);
      if (first === undefined) continue;
      const key = `${relation.spec.name}:${first}`;
      const group = grouped.get(key);
      if (group) group.nodes.push(...nodes);
      else {
        grouped.set(key, {
          field: { spec: relation.spec, first, children: [] },
          nodes: [...nodes],
          returnType: getNamedType(definition.type),
        });
      }
    }
  }
  return [...grouped.values()].map(({ field, nodes, returnType }) => ({
    ...field,
    children: plan(info, returnType, nodes, depth + 1),
  }));
}

/** The field's `first`, or undefined when it is invalid (its resolver then reports the error). */
function requestedFirst(
  definition: Parameters<typeof getArgumentValues>[0],
  node: FieldNode,
  info: GraphQLResolveInfo,
): number | undefined {
  try {
    const args = getArgumentValues(definition, node, info.variableValues);
    return pageSize(args.first as number | null | undefined);
  } catch {
    return undefined;
  }
}
