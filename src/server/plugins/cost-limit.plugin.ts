/**
 * The query cost limit: how many values an answer can hold, counted from the operation, its
 * variables and the schema's page sizes before any resolver (and any Cypher) runs. GraphQL Armor's
 * cost rule runs during validation, where variables are unknown, so it counted `first: $n` and an
 * omitted `first` as one item: the same nested query was refused with `first: 100` written in and
 * ran with `first: $n` (issue #12). Here a page size counts at its real value, whether written in,
 * passed as a variable or left to its default.
 *
 * Cost = every field selected, once for each item it is resolved on. A field with `first` resolves
 * at most that many items (the default 20 when omitted; at most 100, beyond which the resolver
 * refuses it anyway); the `nodes` and `edges` of a connection are that page, not another
 * multiplication; a list of scalars (aliases) counts as one value. Text fields that can hold a
 * whole article weigh more (FIELD_WEIGHTS). Fragments are counted where they are spread, and every
 * type condition of an abstract type's fragments counts, as if one item were of every type.
 *
 * The few lists without `first` (a link's evidence, the holders of a stance, a path's steps) have no
 * bound of their own and count as a page of the default size: the cost is what an ordinary graph
 * answers, and the response-size ceiling (response-size.ts) is the hard bound behind it. A list whose
 * resolver never returns more than a few items says so (MAX_ITEMS_EXTENSION) and counts as that many.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { QueryTooComplexError } from '../../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../modules/common/page-args';
import type { RequestContext } from '../context';

/** What a list without a `first` argument counts as (evidence of a link, a path's steps...). */
export const UNPAGED_LIST_ITEMS = DEFAULT_PAGE_SIZE;

/**
 * The schema extension by which a list without `first` declares the most items it ever holds (a
 * contradiction's sides): it counts as that many, since its resolver never returns more.
 */
export const MAX_ITEMS_EXTENSION = 'maxItems';

/**
 * What drafting an article costs besides the values it answers: CPU work on a text of up to
 * MAX_ARTICLE_CHARS (extract/article.validate.ts) rather than database work, and the same whatever
 * is selected. Over half the default MAX_COST, so one request drafts one article: drafting holds the
 * event loop (up to about 2 s for a hostile 100,000-character text; npm run bench:draft-hostile),
 * and a request must not multiply that.
 */
export const DRAFT_DOCUMENT_COST = 30_000;

/**
 * Fields whose one value can be as large as many others together: a source's whole text. Counted
 * as this many values, so a list of sources with their texts runs out of budget long before a list
 * of their titles does.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // A news article is some 5-20 KB: a couple of hundred ordinary values.
  'Source.text': 200,
  // A draft's document holds the article's text and its records' excerpts.
  'DraftDocument.document': 400,
  'Query.draftDocument': DRAFT_DOCUMENT_COST,
};

/**
 * The operation's fragments, and each one's cost once counted. A fragment's cost depends only on
 * its own selections (the variables are fixed for the operation), so it is counted once however
 * often it is spread: without that, fragments that spread others many times over ("fragment
 * bombs") cost exponential time to count, during which the API answers no one.
 */
interface Fragments {
  definitions: ReadonlyMap<string, FragmentDefinitionNode>;
  costs: Map<string, number>;
}

/** How many items a field resolves to per parent item. */
function itemsOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  parent: GraphQLCompositeType,
  variables: Record<string, unknown>,
): number {
  const firstArgument = field.args.find((argument) => argument.name === 'first');
  if (firstArgument) {
    // Literal, variable or default, exactly as execution will see it.
    let first: unknown;
    try {
      ({ first } = getArgumentValues(field, node, variables) as { first?: unknown });
    } catch {
      // A variable of the wrong type: execution will refuse it; until then, assume the most.
      return MAX_PAGE_SIZE;
    }
    if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
    // Not a number: execution will refuse it; until then, assume the most.
    const requested = typeof first === 'number' && Number.isFinite(first) ? first : MAX_PAGE_SIZE;
    return Math.min(Math.max(Math.trunc(requested), 1), MAX_PAGE_SIZE);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // The nodes and edges of a connection are the page its field's `first` already counted.
  if (parent.name.endsWith('Connection')) return 1;
  const declared = field.extensions[MAX_ITEMS_EXTENSION];
  if (typeof declared === 'number') return declared;
  return isCompositeType(getNamedType(field.type)) ? UNPAGED_LIST_ITEMS : 1;
}

function selectionCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  variables: Record<string, unknown>,
  fragments: Fragments,
): number {
  let cost = 0;
  // Execution merges a fragment spread twice into one selection set: count it once, as it runs.
  const spread = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) {
        // __typename is one value; introspection is bounded by the schema and has its own switch.
        cost += name === '__typename' ? 1 : 0;
        continue;
      }
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const field = fields[name];
      if (!field) continue; // validation already refused unknown fields
      const items = itemsOf(field, selection, parent, variables);
      const type = getNamedType(field.type);
      const own = FIELD_WEIGHTS[`${parent.name}.${name}`] ?? 1;
      const below =
        selection.selectionSet && isCompositeType(type)
          ? selectionCost(schema, selection.selectionSet, type, variables, fragments)
          : 0;
      cost += items * (own + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition))
        cost += selectionCost(schema, selection.selectionSet, condition, variables, fragments);
    } else {
      const name = selection.name.value;
      if (spread.has(name)) continue;
      spread.add(name);
      cost += fragmentCost(schema, name, variables, fragments);
    }
  }
  return cost;
}

function fragmentCost(
  schema: GraphQLSchema,
  name: string,
  variables: Record<string, unknown>,
  fragments: Fragments,
): number {
  const known = fragments.costs.get(name);
  if (known !== undefined) return known;
  const fragment = fragments.definitions.get(name);
  const condition = fragment && schema.getType(fragment.typeCondition.name.value);
  const cost =
    fragment && condition && isCompositeType(condition)
      ? selectionCost(schema, fragment.selectionSet, condition, variables, fragments)
      : 0;
  fragments.costs.set(name, cost);
  return cost;
}

/** The cost of one operation with these variables (see the module comment for what counts). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  // Coerced as execution will coerce them, so a variable's default counts; values that don't
  // coerce are kept as sent (execution refuses them, and the count assumes the most meanwhile).
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  const values = coerced.coerced ? { ...variables, ...coerced.coerced } : variables;
  const fragments: Fragments = {
    definitions: new Map(
      document.definitions
        .filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    costs: new Map(),
  };
  return selectionCost(schema, operation.selectionSet, root, values, fragments);
}

/** Costs kept per variable values for one operation; more distinct values than this are not kept. */
const MAX_COSTS_PER_OPERATION = 16;
const MAX_KEPT_VARIABLES_LENGTH = 2000;

/**
 * Costs already counted, per operation node and variable values: Apollo hands back the same parsed
 * document for a repeated query, and the cost depends only on it, its variables and the schema.
 */
const countedCosts = new WeakMap<
  OperationDefinitionNode,
  { schema: GraphQLSchema; costs: Map<string, number> }
>();

function cachedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const key = JSON.stringify(variables);
  // Large variables (a whole document to import) are counted each time rather than kept as keys.
  if (key.length > MAX_KEPT_VARIABLES_LENGTH) return operationCost(schema, document, operation, variables);
  let counted = countedCosts.get(operation);
  if (!counted || counted.schema !== schema) {
    counted = { schema, costs: new Map() };
    countedCosts.set(operation, counted);
  }
  let cost = counted.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, variables);
    if (counted.costs.size >= MAX_COSTS_PER_OPERATION)
      counted.costs.delete(counted.costs.keys().next().value!);
    counted.costs.set(key, cost);
  }
  return cost;
}

export function costLimitPlugin(options: { maxCost: number }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // After validation (so the operation is known to be well-formed) and variable coercion,
        // before execution: a refused query runs no resolver.
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo has already refused a document without this operation
          const cost = cachedOperationCost(schema, document, operation, request.variables ?? {});
          if (cost > options.maxCost) {
            throw new QueryTooComplexError(
              `This query could return ${cost} values, over the limit of ${options.maxCost}: ask for fewer items (a smaller \`first\`, which counts at its default of ${DEFAULT_PAGE_SIZE} when omitted), fewer nested lists or fewer fields, and page with \`after\`.`,
              { cost, maxCost: options.maxCost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
