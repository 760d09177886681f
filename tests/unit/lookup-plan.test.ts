/**
 * `node(id)`'s fetch-ahead plan (modules/prefetch/selection-plan.ts planLookupItem) and the
 * statement it becomes (graph/node-lookup.cypher.ts): planned for the id's type only, through its
 * inline fragments, cached per operation and type. Run through the public schema with a stand-in
 * reader that records the plan each lookup is asked with.
 */
import { execute, parse, type GraphQLSchema } from 'graphql';
import { nodeLookupQuery } from '../../src/graph/node-lookup.cypher';
import type { ItemPlan } from '../../src/graph/page-spec';
import { buildApiSchema } from '../../src/server/schema';

/** The benchmark's provenance query. */
const PROVENANCE = parse(
  `query Q($id: ID!) { node(id: $id) { ... on Statement { id text evidence { excerpt start source { id title publishedAt publisher } } } } }`,
);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

async function lookupFor(id: string): Promise<{ label: string; plan: ItemPlan }> {
  let asked: { label: string; plan: ItemPlan } | undefined;
  const reader = {
    lookupNode: async (label: string, _id: string, plan: ItemPlan) => {
      asked = { label, plan };
      return null;
    },
  };
  // The stand-in finds nothing, so the answer is NOT_FOUND; only the plan matters here.
  await execute({ schema, document: PROVENANCE, contextValue: { reader }, variableValues: { id } });
  return asked!;
}

describe("node(id)'s fetch-ahead plan", () => {
  it('plans the statement, its evidence and their sources, with only the properties read', async () => {
    const { label, plan } = await lookupFor('statement:a');
    expect(label).toBe('Statement');
    expect(plan.properties).toEqual(['id', 'text']);
    expect(plan.relations.map((relation) => [relation.spec.name, relation.first])).toEqual([
      ['Statement.evidence', 20],
    ]);
    const evidence = plan.relations[0].items;
    expect(evidence.properties).toEqual(['excerpt', 'start']);
    expect(evidence.relations.map((relation) => [relation.spec.name, relation.first])).toEqual([
      ['Evidence.source', 1],
    ]);
    expect(evidence.relations[0].items).toEqual({
      properties: ['id', 'title', 'publishedAt', 'publisher'],
      relations: [],
    });
  });

  it('reuses the plan for another id of the same type, and plans another type on its own', async () => {
    const first = await lookupFor('statement:a');
    expect((await lookupFor('statement:b')).plan).toBe(first.plan);
    // The fragment is on Statement: a nation is asked for nothing but its id.
    expect((await lookupFor('nation:gbr')).plan).toEqual({ properties: [], relations: [] });
  });

  it("becomes one statement with the lookup, its alias and the plan's relations, values as parameters", async () => {
    const { plan } = await lookupFor('statement:a');
    const query = nodeLookupQuery('Statement', ['statement:a'], plan);
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchObject({ ids: ['statement:a'] });
    expect(query.cypher).not.toContain('statement:a');
  });
});
