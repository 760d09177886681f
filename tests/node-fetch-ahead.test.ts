/**
 * `node(id)` fetches its selection ahead like a root list: "says who?" of a statement (its text,
 * evidence and their sources) is one round trip, and every answer is the one the field resolvers
 * give level by level. The level-by-level answer comes from `path(from: id, to: id)`, whose node is
 * looked up without a plan, so its nested fields load through the per-request batch loaders.
 */
import type { Document } from '../src/ingest/document.format';
import { NEIGHBOURHOOD } from '../src/web/explorer/queries';
import { seedDocument } from './helpers/documents';
import { errorCodes } from './helpers/graphql';
import { startTestApi, type TestApi } from './helpers/start-api';

const PROVENANCE = `query Q($id: ID!) { node(id: $id) { ... on Statement { id text evidence { excerpt start source { id title publishedAt publisher } } } } }`;

/** The same selection reached through path(), which fetches nothing ahead. */
const PROVENANCE_LEVEL_BY_LEVEL = `query Q($id: ID!) { path(from: $id, to: $id) { nodes { ... on Statement { id text evidence { excerpt start source { id title publishedAt publisher } } } } } }`;

const SEED = seedDocument() as Document;

/** A statement of the seed with two excerpts: their order is part of the answer. */
const TWO_EXCERPTS = 'statement:starmer-guarantee-vital';

type Provenance = {
  id: string;
  text: string;
  evidence: { excerpt: string; start: number; source: Record<string, string> }[];
};

const roundTrips = (response: { extensions?: Record<string, unknown> }) =>
  (response.extensions?.queryStats as { roundTrips: number }).roundTrips;

describe('node(id) fetches its selection ahead', () => {
  let api: TestApi;
  beforeAll(async () => {
    // path()'s list of nodes counts as many values as its longest path could hold.
    api = await startTestApi({ env: { MAX_COST: '1000000' } });
  }, 120_000);
  afterAll(() => api.stop());

  async function provenance(id: string) {
    return api.query<{ node: Provenance | null }>(PROVENANCE, { id });
  }

  it('answers the provenance query in one statement, with the seed’s excerpts, offsets and source', async () => {
    const response = await provenance(TWO_EXCERPTS);
    expect(response.errors).toBeUndefined();
    expect(roundTrips(response)).toBe(1);

    // Expected from the seed document itself: excerpts in source order, offsets into its text.
    const statement = SEED.statements.find((candidate) => candidate.id === TWO_EXCERPTS)!;
    const { source } = SEED;
    const evidence = statement.evidence
      .map(({ excerpt }) => ({ excerpt, start: source.text.indexOf(excerpt) }))
      .sort((a, b) => a.start - b.start);
    expect(evidence).toHaveLength(2);
    expect(response.data!.node).toEqual({
      id: TWO_EXCERPTS,
      text: statement.text,
      evidence: evidence.map(({ excerpt, start }) => ({
        excerpt,
        start,
        source: {
          id: source.id,
          title: source.title,
          publishedAt: source.publishedAt,
          publisher: source.publisher,
        },
      })),
    });
  });

  it('gives every statement of the seed the answer the resolvers give level by level', async () => {
    expect(SEED.statements.length).toBeGreaterThan(5);
    for (const { id } of SEED.statements) {
      const [ahead, levelByLevel] = await Promise.all([
        provenance(id),
        api.query<{ path: { nodes: Provenance[] } }>(PROVENANCE_LEVEL_BY_LEVEL, { id }),
      ]);
      expect(ahead.errors).toBeUndefined();
      expect(levelByLevel.errors).toBeUndefined();
      // Control: the other path really loads level by level (node, evidence, sources).
      expect(roundTrips(levelByLevel)).toBe(3);
      expect(roundTrips(ahead)).toBe(1);
      expect(ahead.data!.node).toEqual(levelByLevel.data!.path.nodes[0]);
      expect(ahead.data!.node!.evidence.length).toBeGreaterThan(0);
    }
  });

  it('keeps nested caps, order and interface fragments the same', async () => {
    const selection = `... on Meeting { title participants(first: 3) { __typename ... on Official { name nation { iso3 } } ... on Nation { iso3 } }
      statements(first: 2) { id speaker { name } topics(first: 1) { name } } evidence { excerpt source { title } } }`;
    const id = 'meeting:2025-04-10-coalition-of-the-willing-brussels';
    const ahead = await api.query<{ node: Record<string, unknown[]> }>(
      `query Q($id: ID!) { node(id: $id) { ${selection} } }`,
      { id },
    );
    const levelByLevel = await api.query<{ path: { nodes: unknown[] } }>(
      `query Q($id: ID!) { path(from: $id, to: $id) { nodes { ${selection} } } }`,
      { id },
    );
    expect(ahead.errors).toBeUndefined();
    expect(roundTrips(ahead)).toBe(1);
    expect(roundTrips(levelByLevel)).toBeGreaterThan(1);
    expect(ahead.data!.node).toEqual(levelByLevel.data!.path.nodes[0]);
    expect(ahead.data!.node.participants).toHaveLength(3);
    expect(ahead.data!.node.statements).toHaveLength(2);
  });

  it('answers the explorer’s neighbourhood query as before, for a node of each kind', async () => {
    const ids = [
      'nation:gbr',
      'official:john-healey',
      'organization:nato',
      'meeting:2025-04-10-coalition-of-the-willing-brussels',
      TWO_EXCERPTS,
      SEED.positions[0].id,
      'place:brussels',
      SEED.source.id,
    ];
    // The explorer's selection, reached through path() instead of node(): nothing fetched ahead.
    // The generated document's text: the operation, closed by the first unindented brace, then its fragments.
    const neighbourhood = NEIGHBOURHOOD.toString();
    const levelByLevelQuery = neighbourhood
      .replace('node(id: $id) {', 'path(from: $id, to: $id) { nodes {')
      .replace(/\n}\n/, '\n} }\n');
    expect(levelByLevelQuery).not.toBe(neighbourhood);
    for (const id of ids) {
      const ahead = await api.query<{ node: unknown }>(neighbourhood, { id });
      const levelByLevel = await api.query<{ path: { nodes: unknown[] } }>(levelByLevelQuery, { id });
      expect(ahead.errors).toBeUndefined();
      expect(levelByLevel.errors).toBeUndefined();
      expect(ahead.data!.node).toEqual(levelByLevel.data!.path.nodes[0]);
      // A source selects no relation there: one round trip either way.
      if (id === SEED.source.id) expect(roundTrips(ahead)).toBe(1);
      else expect(roundTrips(ahead)).toBeLessThan(roundTrips(levelByLevel));
    }
  });

  it('leaves retracted facts out at every level, and a retracted statement is NOT_FOUND in one round trip', async () => {
    const meeting = 'meeting:2025-04-10-coalition-of-the-willing-brussels';
    const query = `query Q($id: ID!) { node(id: $id) { ... on Meeting { statements(first: 100) { id evidence { excerpt } } } } }`;
    const before = await api.query<{ node: { statements: { id: string }[] } }>(query, { id: meeting });
    const retracted = before.data!.node.statements[0].id;
    // Synthetic fixture: a retraction as the retract mutation leaves it, on the node itself.
    const setRetracted = (at: string | null) =>
      api.api.db.write((tx) =>
        tx.run({
          cypher: 'MATCH (s:Statement {id: $id}) SET s.retractedAt = $at',
          params: { id: retracted, at },
        }),
      );
    await setRetracted('2025-05-01T00:00:00Z');
    try {
      const after = await api.query<{ node: { statements: { id: string }[] } }>(query, { id: meeting });
      expect(after.errors).toBeUndefined();
      expect(roundTrips(after)).toBe(1);
      expect(after.data!.node.statements.map((statement) => statement.id)).toEqual(
        before.data!.node.statements.map((statement) => statement.id).filter((id) => id !== retracted),
      );
      const gone = await provenance(retracted);
      expect(errorCodes(gone)).toEqual(['NOT_FOUND']);
      expect(roundTrips(gone)).toBe(1);
    } finally {
      await setRetracted(null);
    }
  });

  it('answers an alias id with the node it stands for, fetched ahead too, and an unknown id is NOT_FOUND', async () => {
    const alias = 'statement:synthetic-alias-of-starmer-guarantee';
    // Synthetic fixture: an alias as an import match or a merge leaves it.
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `MATCH (s:Statement {id: $target}) CREATE (:IdAlias {id: $alias, via: 'merge'})-[:ALIAS_OF]->(s)`,
        params: { target: TWO_EXCERPTS, alias },
      }),
    );
    try {
      const [byAlias, byId] = await Promise.all([provenance(alias), provenance(TWO_EXCERPTS)]);
      expect(byAlias.errors).toBeUndefined();
      expect(roundTrips(byAlias)).toBe(1);
      expect(byAlias.data!.node).toEqual(byId.data!.node);
      expect(byAlias.data!.node!.id).toBe(TWO_EXCERPTS);
    } finally {
      await api.api.db.write((tx) =>
        tx.run({ cypher: 'MATCH (a:IdAlias {id: $alias}) DETACH DELETE a', params: { alias } }),
      );
    }
    // Synthetic fixture: an alias of another kind, which no import or merge makes; still answered whole.
    const crossKind = 'official:synthetic-alias-of-britain';
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `MATCH (n:Nation {id: 'nation:gbr'}) CREATE (:IdAlias {id: $alias, via: 'match'})-[:ALIAS_OF]->(n)`,
        params: { alias: crossKind },
      }),
    );
    try {
      const selection = '{ id ... on Actor { name } ... on Nation { iso3 evidence { excerpt } } }';
      const [byAlias, byId] = await Promise.all([
        api.query<{ node: { id: string } }>(`{ node(id: "${crossKind}") ${selection} }`),
        api.query<{ node: { id: string } }>(`{ node(id: "nation:gbr") ${selection} }`),
      ]);
      expect(byAlias.errors).toBeUndefined();
      expect(byAlias.data!.node).toEqual(byId.data!.node);
      expect(byAlias.data!.node.id).toBe('nation:gbr');
    } finally {
      await api.api.db.write((tx) =>
        tx.run({ cypher: 'MATCH (a:IdAlias {id: $alias}) DETACH DELETE a', params: { alias: crossKind } }),
      );
    }
    const unknown = await provenance('statement:no-such-statement');
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors![0].message).toContain('statement:no-such-statement');
  });

  it('answers two lookups with different selections each with its own fields', async () => {
    const response = await api.query<{ short: { name: string }; long: { name: string; aliases: string[] } }>(
      `{ short: node(id: "nation:ukr") { ... on Nation { name } } long: node(id: "nation:ukr") { ... on Nation { name aliases officials { name } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.short).toEqual({ name: response.data!.long.name });
    expect(response.data!.long.aliases).toContain('Kiev');
  });
});
