/**
 * Fetch-ahead of nested relations: a page and every plain relation selected under it come back in
 * one statement, and each fetched-ahead answer equals what the field's own resolver loads when it
 * is reached through `path(from: id, to: id)`, whose node is looked up without a plan, so nothing
 * under it is fetched ahead (`node(id)` fetches ahead too: tests/node-fetch-ahead.test.ts).
 */
import { getNamedType, isAbstractType, isObjectType, type GraphQLNamedType } from 'graphql';
import { buildApiSchemaSync } from '../src/server/schema';
import { relationOf } from '../src/modules/common/relation-field';
import { loadDocumentsFromPath } from '../src/ingest/import';
import { createLogger } from '../src/logger';
import { loadSyntheticGraph } from './helpers/synthetic';
import { seedDocument, writeDocument } from './helpers/documents';
import { startTestApi, type TestApi } from './helpers/start-api';

/** How to reach items of each type from a root connection (`ITEM` marks the item's selection). */
const REACH: Record<string, string> = {
  Nation: 'nations(first: 100) { nodes { ITEM } }',
  Official: 'officials(first: 100) { nodes { ITEM } }',
  Organization: 'organizations(first: 100) { nodes { ITEM } }',
  Topic: 'topics(first: 100) { nodes { ITEM } }',
  Meeting: 'meetings(first: 100) { nodes { ITEM } }',
  Statement: 'statements(first: 100) { nodes { ITEM } }',
  Position: 'positions(first: 100) { edges { node { ITEM } } }',
  Role: 'officials(first: 30) { nodes { roles(first: 5) { ITEM } } }',
  Place: 'meetings(first: 100) { nodes { place { ITEM } } }',
  Evidence: 'statements(first: 30) { nodes { evidence(first: 5) { ITEM } } }',
  Claim: 'meetings(first: 30) { nodes { claims(first: 10) { ITEM } } }',
  Source: 'sources(first: 100) { nodes { ITEM } }',
  Publisher: 'sources(first: 100) { nodes { publisherDetail { ITEM } } }',
};

/**
 * Types that path() can't reach (no Node id of their own): their parents are reached one by one
 * through the list that holds them, as REACH lists them.
 */
const VIA_LIST: Record<string, { list: string; type: string; field: string }> = {
  Evidence: { list: 'statements(first: 30)', type: 'Statement', field: 'evidence(first: 5)' },
  Claim: { list: 'meetings(first: 30)', type: 'Meeting', field: 'claims(first: 10)' },
  Publisher: { list: 'sources(first: 100)', type: 'Source', field: 'publisherDetail' },
};

/** A selection that tells the related items apart. */
function itemSelection(type: GraphQLNamedType): string {
  if (type.name === 'Evidence') return '{ excerpt start source { id } }';
  return isAbstractType(type) ? '{ __typename ... on Node { id } }' : '{ id }';
}

/** Collects every answer to `field` in a response, keyed by the parent's identity. */
function answers(value: unknown, field: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item) => answers(item, field, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (field in record) out.set(String(record.parentKey), JSON.stringify(record[field]));
    Object.values(record).forEach((child) => answers(child, field, out));
  }
  return out;
}

describe('fetch-ahead of nested relations', () => {
  let api: TestApi;
  // Every field declared as a relation (relationList / relationOne), read from the schema itself.
  const schema = buildApiSchemaSync();
  beforeAll(async () => {
    // path()'s list of nodes counts as many values as its longest path could hold.
    api = await startTestApi({ seed: false, env: { RATE_LIMIT_PER_MINUTE: '1000000', MAX_COST: '1000000' } });
    // Synthetic reports and the seed article together give every relation some data.
    await loadSyntheticGraph(api.api, { documents: 12, nations: 8, officialsPerNation: 2 });
    // The article gives no office in an organization; this copy does, so Role.organization has data.
    const seed = seedDocument();
    seed.officials[0].roles[0].organization = 'organization:nato';
    await loadDocumentsFromPath(api.api.db, writeDocument('seed.json', seed), createLogger('silent'));
    // Editors' assessments (gradePublisher, assessCredibility) of a publisher and some facts.
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `UNWIND ['Publisher', 'Meeting', 'Statement', 'Position'] AS label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN n ORDER BY n.id LIMIT 2 }
CREATE (a:Assessment {id: 'assessment:prefetch-' + n.id, kind: 'CREDIBILITY', subject: n.id, value: '2',
  evidence: 'Prefetch test.', by: 'test', at: '2025-05-01T00:00:00Z'})-[:ASSESSES]->(n)`,
        params: {},
      }),
    );
  }, 180_000);
  afterAll(() => api.stop());

  const cases = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => relationOf(field))
        .map((field) => [type.name, field.name] as const),
    );

  it('finds the relation fields of every type it can reach (control)', () => {
    expect(new Set(cases.map(([typeName]) => typeName))).toEqual(new Set(Object.keys(REACH)));
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)(
    '%s.%s: one statement, and the same answer as its resolver gives',
    async (typeName, field) => {
      const type = schema.getType(typeName) as import('graphql').GraphQLObjectType;
      const relatedType = getNamedType(type.getFields()[field].type);
      // Evidence has no id of its own: its parent key is the source and offset.
      const parentKey = typeName === 'Evidence' ? 'parentKey: excerpt' : 'parentKey: id';
      const item = `${parentKey} ${field} ${itemSelection(relatedType)}`;
      const fetchedAhead = await api.query(`{ ${REACH[typeName].replace('ITEM', item)} }`);
      expect(fetchedAhead.errors).toBeUndefined();
      expect((fetchedAhead.extensions?.queryStats as { roundTrips: number }).roundTrips).toBe(1);

      const expected = answers(fetchedAhead.data, field);
      expect(expected.size).toBeGreaterThan(0);
      // Some parent has something to fetch, so the comparison below can fail.
      expect([...expected.values()].some((answer) => answer !== 'null' && answer !== '[]')).toBe(true);

      // The same parents reached one by one through path(): nothing fetched ahead. Evidence and
      // claims have no id of their own, so their parents are reached through the list that holds them.
      const viaList = VIA_LIST[typeName];
      if (viaList) {
        const listName = viaList.list.replace(/\(.*$/, '');
        const holders = (fetchedAhead.data as Record<string, { nodes: unknown[] }>)[listName].nodes;
        const withIds = await api.query<Record<string, { nodes: { id: string }[] }>>(
          `{ ${viaList.list} { nodes { id } } }`,
        );
        for (const [index, { id }] of withIds.data![listName].nodes.entries()) {
          const viaPath = await api.query<{ path: { nodes: Record<string, unknown>[] } }>(
            `query Q($id: ID!) { path(from: $id, to: $id) { nodes { ... on ${viaList.type} { ${viaList.field} { ${item} } } } } }`,
            { id },
          );
          expect(viaPath.errors).toBeUndefined();
          expect(viaPath.data!.path.nodes[0]).toEqual(holders[index]);
        }
        return;
      }
      for (const id of expected.keys()) {
        const viaPath = await api.query<{ path: { nodes: Record<string, unknown>[] } }>(
          `query Q($id: ID!) { path(from: $id, to: $id) { nodes { ... on ${typeName} { ${item} } } } }`,
          { id },
        );
        expect(viaPath.errors).toBeUndefined();
        expect(JSON.stringify(viaPath.data!.path.nodes[0][field])).toBe(expected.get(id));
      }
    },
  );

  it('fetches a three-level selection with fragments on an interface in one statement', async () => {
    const response = await api.query<{
      meetings: { nodes: { participants: { __typename: string; nation?: { name: string } }[] }[] };
    }>(
      `{ meetings(first: 50) { nodes { id participants { __typename ... on Official { name nation { name } } ... on Nation { iso3 officials { name } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect((response.extensions?.queryStats as { roundTrips: number }).roundTrips).toBe(1);
    const officials = response.data!.meetings.nodes.flatMap((m) =>
      m.participants.filter((p) => p.__typename === 'Official'),
    );
    expect(officials.length).toBeGreaterThan(0);
    expect(officials.every((official) => typeof official.nation?.name === 'string')).toBe(true);
  });

  it('keeps what one part of a request fetched ahead from answering another part', async () => {
    // The page fetches participants with their names only; the same participants reached through
    // node(id), which fetches ahead with a plan of its own, must still get every field they ask for.
    const response = await api.query<{
      meetings: { nodes: { id: string; participants: { name: string }[] }[] };
      again: { participants: { name: string; aliases: string[] }[] };
    }>(
      `{ meetings(first: 1, filter: { from: "2025-04-10", to: "2025-04-10" }) { nodes { id participants { name } } }
         again: node(id: "meeting:2025-04-10-coalition-of-the-willing-brussels") { ... on Meeting { participants { name aliases } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const first = response.data!.meetings.nodes[0];
    expect(first.id).toBe('meeting:2025-04-10-coalition-of-the-willing-brussels');
    expect(response.data!.again.participants.map((p) => p.name)).toEqual(
      first.participants.map((p) => p.name),
    );
    expect(response.data!.again.participants.every((p) => Array.isArray(p.aliases))).toBe(true);
    expect(response.data!.again.participants.some((p) => p.aliases.length > 0)).toBe(true);
  });

  it('leaves an invalid nested `first` to its resolver, which reports it', async () => {
    const response = await api.query(
      `{ meetings(first: 2) { nodes { participants(first: 101) { name } } } }`,
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/between 1 and 100/);
  });
});
