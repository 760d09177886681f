/**
 * Turns what a request selects under a page, or under a lookup such as `node(id)`, into an item
 * plan, so a nested list such as `meetings { nodes { participants { ... on Official { nation { name
 * } } } } }` or `node(id) { ... on Statement { evidence { source { title } } } }` is answered by one
 * statement that returns only the properties read. Only fields declared with relationList or
 * relationOne (common/relation-field.ts) are fetched ahead, read from the schema itself; anything
 * else (connections, fields with filters, an invalid `first`) is left to its resolver, which
 * reports errors as usual.
 *
 * A plan depends only on the operation's text, the field's place in it and the variables read
 * under it, so it is made once and reused: Apollo hands back the same parsed document for a
 * repeated query, and the plan is cached on the field's node with the values of those variables.
 */
import {
  getArgumentValues,
  Kind,
  visit,
  type ASTNode,
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { ItemPlan, PrefetchPlan } from '../../graph/page-spec';
import { MAX_PREFETCH_DEPTH } from '../../graph/prefetch.cypher';
import { pageSize } from '../common/page-args';
import { relationOf } from '../common/relation-field';

/** Plans kept per variable values for one field node; more distinct values than this are not kept. */
const MAX_PLANS_PER_FIELD = 16;

interface CachedPlans {
  schema: GraphQLSchema;
  /** Every node of the field (several when fragments select it more than once): all must match. */
  fieldNodes: readonly FieldNode[];
  /** Names of the variables the selections under the field read (arguments, @skip, @include). */
  variables: readonly string[];
  plans: Map<string, ItemPlan>;
}

/**
 * Keyed on the field's first node, which lives as long as Apollo keeps the parsed document. One
 * cache per planner, so a field node is only ever given plans of one kind.
 */
type PlanCache = WeakMap<FieldNode, CachedPlans[]>;
const connectionPlans: PlanCache = new WeakMap();
const lookupPlans: PlanCache = new WeakMap();

/** The plan for the items of a connection field being resolved: its `nodes` and `edges { node }`. */
export function planConnectionItems(info: GraphQLResolveInfo): ItemPlan {
  return cachedPlan(connectionPlans, info, '', () => planConnectionUncached(info));
}

/**
 * The plan for the node a lookup field being resolved returns (`node(id)`), when that node is of
 * the object type `typeName` (a lookup knows it from the id's prefix): what the selection asks of
 * that type, through inline fragments and fragment spreads too, planned like one item of a page.
 * Planning one type rather than every member of the interface keeps the statement to the
 * relations that type can have, so Neo4j plans a small statement per type, not a large one.
 */
export function planLookupItem(info: GraphQLResolveInfo, typeName: string): ItemPlan {
  return cachedPlan(lookupPlans, info, typeName, () => {
    const type = info.schema.getType(typeName);
    return type ? planItems(info, type, info.fieldNodes, 1) : { properties: null, relations: [] };
  });
}

/** A plan made once per field node, `variant` (e.g. a concrete type) and values of the variables read under it. */
function cachedPlan(
  planCache: PlanCache,
  info: GraphQLResolveInfo,
  variant: string,
  planUncached: () => ItemPlan,
): ItemPlan {
  const { fieldNodes } = info;
  let cached = planCache.get(fieldNodes[0]);
  let entry = cached?.find(
    (candidate) =>
      candidate.schema === info.schema &&
      candidate.fieldNodes.length === fieldNodes.length &&
      candidate.fieldNodes.every((node, index) => node === fieldNodes[index]),
  );
  if (!entry) {
    entry = {
      schema: info.schema,
      fieldNodes: [...fieldNodes],
      variables: variablesUnder(info),
      plans: new Map(),
    };
    cached ??= [];
    cached.push(entry);
    planCache.set(fieldNodes[0], cached);
  }
  // Unset and null are told apart: an argument's default applies only to the first.
  const key = JSON.stringify([
    variant,
    ...entry.variables.map((name) => (name in info.variableValues ? [info.variableValues[name]] : [])),
  ]);
  let plan = entry.plans.get(key);
  if (!plan) {
    plan = planUncached();
    if (entry.plans.size >= MAX_PLANS_PER_FIELD) entry.plans.delete(entry.plans.keys().next().value!);
    entry.plans.set(key, plan);
  }
  return plan;
}

/** The variables read anywhere in the field's selections, fragments included. */
function variablesUnder(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const seenFragments = new Set<string>();
  const pending: ASTNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  while (pending.length > 0) {
    visit(pending.pop()!, {
      [Kind.VARIABLE](node) {
        names.add(node.name.value);
      },
      [Kind.FRAGMENT_SPREAD](node) {
        const fragment = info.fragments[node.name.value];
        if (fragment && !seenFragments.has(node.name.value)) {
          seenFragments.add(node.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return [...names].sort();
}

function planConnectionUncached(info: GraphQLResolveInfo): ItemPlan {
  const connectionType = getNamedType(info.returnType);
  if (!isObjectType(connectionType)) return { properties: null, relations: [] };
  const connectionFields = collect(info, connectionType, info.fieldNodes);
  const itemNodes: FieldNode[] = [...(connectionFields.get('nodes') ?? [])];
  const edgesType = getNamedType(connectionType.getFields().edges?.type);
  const edgeNodes = connectionFields.get('edges');
  if (edgeNodes && isObjectType(edgesType)) {
    itemNodes.push(...(collect(info, edgesType, edgeNodes).get('node') ?? []));
  }
  const itemType = getNamedType(connectionType.getFields().nodes?.type);
  // Only `totalCount` or `pageInfo` selected: the items are still needed for cursors, ids suffice.
  if (itemNodes.length === 0 || !itemType) return { properties: [], relations: [] };
  return planItems(info, itemType, itemNodes, 1);
}

/** Fields selected on `type`, by response key, with fragments and @skip/@include applied. */
function collect(info: GraphQLResolveInfo, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]) {
  return collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
}

/**
 * What to return of each item of `type` (an object type or an interface) for the selections
 * `fieldNodes`: leaf fields are stored properties of the same name; relation fields need only the
 * id here and get plans of their own; any other field (a connection, an event code) may read
 * anything, so then every property is returned.
 */
function planItems(
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  fieldNodes: readonly FieldNode[],
  depth: number,
): ItemPlan {
  const objectTypes = isAbstractType(type)
    ? info.schema.getPossibleTypes(type)
    : isObjectType(type)
      ? [type]
      : [];
  const properties = new Set<string>();
  let everyProperty = false;
  // Aliases of one field with the same `first` share a plan; their selections are merged.
  const grouped = new Map<
    string,
    { plan: Omit<PrefetchPlan, 'items'>; nodes: FieldNode[]; returnType: GraphQLNamedType }
  >();
  for (const objectType of objectTypes) {
    for (const nodes of collect(info, objectType, fieldNodes).values()) {
      const name = nodes[0].name.value;
      const definition = objectType.getFields()[name];
      if (!definition) continue; // __typename
      if (isLeafType(getNamedType(definition.type))) {
        properties.add(name);
        continue;
      }
      const relation = relationOf(definition);
      if (!relation || relation.spec.where) {
        everyProperty = true;
        continue;
      }
      if (depth > MAX_PREFETCH_DEPTH) continue;
      const first = relation.one ? 1 : requestedFirst(definition, nodes[0], info);
      if (first === undefined) continue;
      const key = `${relation.spec.name}:${first}`;
      const group = grouped.get(key);
      if (group) group.nodes.push(...nodes);
      else {
        grouped.set(key, {
          plan: { spec: relation.spec, first },
          nodes: [...nodes],
          returnType: getNamedType(definition.type),
        });
      }
    }
  }
  return {
    properties: everyProperty ? null : [...properties],
    relations: [...grouped.values()].map(({ plan, nodes, returnType }) => ({
      ...plan,
      items: planItems(info, returnType, nodes, depth + 1),
    })),
  };
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
