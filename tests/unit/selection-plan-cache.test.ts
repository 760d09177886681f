/**
 * Fetch-ahead plans are cached per operation (modules/prefetch/selection-plan.ts): a repeated query
 * reuses its plan, and a variable read under the listing (a nested `first`, an @include) gets a plan
 * of its own for each value, never another value's. Run through the public schema with a stand-in
 * reader that records the plan each root page is asked with.
 */
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { ItemPlan } from '../../src/graph/page-spec';
import { buildApiSchema } from '../../src/server/schema';

const QUERY = parse(`query Q($n: Int, $withNation: Boolean!) {
  meetings(first: 5) { nodes { id participants(first: $n) { ... on Official { name nation @include(if: $withNation) { name } } } } }
}`);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

async function planFor(variables: Record<string, unknown>): Promise<ItemPlan> {
  let plan: ItemPlan | undefined;
  const reader = {
    rootPage: async (_spec: unknown, _window: unknown, items: ItemPlan) => {
      plan = items;
      return { totalCount: 0, items: [], hasNextPage: false };
    },
  };
  const result = await execute({
    schema,
    document: QUERY,
    contextValue: { reader },
    variableValues: variables,
  });
  expect(result.errors).toBeUndefined();
  return plan!;
}

describe('cached fetch-ahead plans', () => {
  it('reuses the plan of a repeated query with the same variables', async () => {
    const first = await planFor({ n: 3, withNation: true });
    expect(await planFor({ n: 3, withNation: true })).toBe(first);
  });

  it('makes a plan of its own for other values of a variable read under the listing', async () => {
    const three = await planFor({ n: 3, withNation: true });
    const seven = await planFor({ n: 7, withNation: true });
    const unset = await planFor({ withNation: true });
    expect(three.relations[0].first).toBe(3);
    expect(seven.relations[0].first).toBe(7);
    expect(unset.relations[0].first).toBe(20);
    const withoutNation = await planFor({ n: 3, withNation: false });
    expect(three.relations[0].items.relations).toHaveLength(1);
    expect(withoutNation.relations[0].items.relations).toHaveLength(0);
  });
});
