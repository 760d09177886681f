/**
 * A position's copy of its topic id (graph/position-topic.cypher.ts), which the stance listing
 * walks an index on: it must match the position's ABOUT link after an import, a re-import, a merge
 * of topics or of positions and their undo, and the startup backfill; and the listing walked along
 * it must answer exactly as the anchored match it replaces, retracted positions left out.
 */
import { rootPageQuery } from '../src/graph/paging.cypher';
import type { RootPageSpec } from '../src/graph/page-spec';
import { applyGraphSchema } from '../src/graph/schema';
import { positionsQuery } from '../src/modules/position/position.cypher';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const TRADE = 'topic:test-widget-trade';
const TARIFFS = 'topic:test-widget-tariffs';
const LEVIES = 'topic:test-gizmo-levies';

const TEXT =
  'Synthetic fixture. Widget trade was on the agenda, and so were widget tariffs and gizmo levies. ' +
  'France backed widget trade. Britain backed widget tariffs. Germany refused widget tariffs. ' +
  'Britain backed gizmo levies. France backed widget tariffs again.';

function position(
  id: string,
  stance: string,
  holder: string,
  topic: string,
  date: string | null,
  excerpt: string,
) {
  return {
    id,
    stance,
    holder,
    topic,
    summary: excerpt,
    ...(date ? { date } : {}),
    statements: [],
    evidence: [{ excerpt }],
  };
}

function document() {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-06-02-synthetic-widget-wire',
      title: 'Widgets',
      publisher: 'Widget Wire',
      publishedAt: '2025-06-02',
      text: TEXT,
    },
    topics: [
      { id: TRADE, name: 'Widget trade', aliases: [], evidence: [{ excerpt: 'Widget trade' }] },
      {
        id: TARIFFS,
        name: 'Widget tariffs',
        aliases: [],
        broader: TRADE,
        evidence: [{ excerpt: 'widget tariffs' }],
      },
      { id: LEVIES, name: 'Gizmo levies', aliases: [], evidence: [{ excerpt: 'gizmo levies' }] },
    ],
    positions: [
      position(
        'position:test-fra-trade',
        'SUPPORTS',
        'nation:fra',
        TRADE,
        '2025-06-01',
        'France backed widget trade',
      ),
      position(
        'position:test-gbr-tariffs',
        'SUPPORTS',
        'nation:gbr',
        TARIFFS,
        '2025-05-30',
        'Britain backed widget tariffs',
      ),
      position(
        'position:test-deu-tariffs',
        'REFUSES',
        'nation:deu',
        TARIFFS,
        '2025-06-01',
        'Germany refused widget tariffs',
      ),
      position(
        'position:test-gbr-levies',
        'SUPPORTS',
        'nation:gbr',
        LEVIES,
        '2025-05-31',
        'Britain backed gizmo levies',
      ),
      position(
        'position:test-fra-tariffs',
        'SUPPORTS',
        'nation:fra',
        TARIFFS,
        null,
        'France backed widget tariffs again',
      ),
    ],
  };
}

const IMPORT = 'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }';
const MERGE = `mutation Merge($keep: ID!, $merge: ID!) {
  mergeEntities(keep: $keep, merge: $merge, reason: "test") { id }
}`;
const UNDO = 'mutation Undo($id: ID!) { undoMerge(id: $id, reason: "test") { id } }';
const RETRACT = 'mutation Retract($id: String!) { retract(id: $id, reason: "test") { id } }';
const POSITIONS = `query Positions($topic: String, $stance: [Stance!], $first: Int, $after: String) {
  positions(filter: { topic: $topic, stance: $stance }, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor }
  }
}`;

describe('a position’s copy of its topic id', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const write = (cypher: string) => api.api.db.write((tx) => tx.run({ cypher, params: {} }));

  /** Positions whose copy is not the id of the one topic they are about: none, always. */
  async function wrongCopies() {
    const rows = await api.api.db.read({
      cypher: `MATCH (p:Position)
WITH p, [(p)-[:ABOUT]->(t:Topic) | t.id] AS topics
WHERE size(topics) <> 1 OR p.topicId IS NULL OR p.topicId <> topics[0]
RETURN p.id AS id, p.topicId AS copy, topics`,
      params: {},
    });
    return rows;
  }

  async function listed(topic: string, stance: string[] | null = null) {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    // Two at a time, so the walks are resumed from cursors too.
    for (;;) {
      const response: GraphQLResponse<Data> = await api.query<Data>(POSITIONS, {
        topic,
        stance,
        first: 2,
        after,
      });
      expect(response.errors).toBeUndefined();
      const page: Data = response.data?.positions;
      totalCount = page.totalCount;
      ids.push(...page.nodes.map((node: { id: string }) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(totalCount);
    return ids;
  }

  /** The same listing by the anchored match (every position about the topics, sorted): the reference. */
  async function reference(topic: string, stance: string[] | null = null) {
    const spec: RootPageSpec = {
      ...positionsQuery({ stances: stance, holder: null, topic }),
      indexedWalks: undefined,
    };
    const [row] = await api.api.db.read(rootPageQuery(spec, { first: 100, after: undefined }));
    return (row.items as { node: { id: string } }[]).map((item) => item.node.id);
  }

  async function expectListings(expected: Record<string, string[]>) {
    for (const [topic, ids] of Object.entries(expected)) {
      expect(await listed(topic)).toEqual(ids);
      expect(await reference(topic)).toEqual(ids);
      const supports = await listed(topic, ['SUPPORTS']);
      expect(supports).toEqual(await reference(topic, ['SUPPORTS']));
    }
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  beforeEach(async () => {
    await write('MATCH (n) WHERE NOT n:Nation DETACH DELETE n');
    const response = await api.query<Data>(IMPORT, { document: document() }, as(keys.editor));
    expect(response.errors).toBeUndefined();
  });

  it('is set by the import, and the walked listing answers as the anchored match, page by page', async () => {
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      // Undated first, then by date, then by id: the order the listing always had.
      'Widget trade': [
        'position:test-fra-tariffs',
        'position:test-gbr-tariffs',
        'position:test-deu-tariffs',
        'position:test-fra-trade',
      ],
      'Widget tariffs': [
        'position:test-fra-tariffs',
        'position:test-gbr-tariffs',
        'position:test-deu-tariffs',
      ],
      'Gizmo levies': ['position:test-gbr-levies'],
    });
    expect(await listed('Widget trade', ['SUPPORTS', 'REFUSES', 'SUPPORTS'])).toEqual(
      await reference('Widget trade', ['SUPPORTS', 'REFUSES']),
    );
    expect(await listed('No such topic at all')).toEqual([]);
  });

  it('stays right when the document is imported again, and when a conflicting topic is refused', async () => {
    const again = await api.query<Data>(IMPORT, { document: document() }, as(keys.editor));
    expect(again.errors).toBeUndefined();
    const conflicting = document();
    conflicting.positions[0].topic = LEVIES;
    const refused = await api.query<Data>(IMPORT, { document: conflicting }, as(keys.editor));
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await wrongCopies()).toEqual([]);
    expect(await listed('Gizmo levies')).toEqual(['position:test-gbr-levies']);
  });

  it('follows a merge of topics and its undo', async () => {
    const merged = await api.query<Data>(MERGE, { keep: TRADE, merge: LEVIES }, as(keys.admin));
    expect(merged.errors).toBeUndefined();
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      'Widget trade': [
        'position:test-fra-tariffs',
        'position:test-gbr-tariffs',
        'position:test-gbr-levies',
        'position:test-deu-tariffs',
        'position:test-fra-trade',
      ],
    });
    const undone = await api.query<Data>(UNDO, { id: merged.data.mergeEntities.id }, as(keys.admin));
    expect(undone.errors).toBeUndefined();
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      'Widget trade': [
        'position:test-fra-tariffs',
        'position:test-gbr-tariffs',
        'position:test-deu-tariffs',
        'position:test-fra-trade',
      ],
      'Gizmo levies': ['position:test-gbr-levies'],
    });
  });

  it('follows a merge of positions about different topics and its undo', async () => {
    // Keep's topic stays (a single link); the merged position's link is dropped with it.
    const merged = await api.query<Data>(
      MERGE,
      { keep: 'position:test-gbr-levies', merge: 'position:test-gbr-tariffs' },
      as(keys.admin),
    );
    expect(merged.errors).toBeUndefined();
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      'Widget tariffs': ['position:test-fra-tariffs', 'position:test-deu-tariffs'],
      'Gizmo levies': ['position:test-gbr-levies'],
    });
    const undone = await api.query<Data>(UNDO, { id: merged.data.mergeEntities.id }, as(keys.admin));
    expect(undone.errors).toBeUndefined();
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      'Widget tariffs': [
        'position:test-fra-tariffs',
        'position:test-gbr-tariffs',
        'position:test-deu-tariffs',
      ],
    });
  });

  it('leaves a retracted position out, the walk reading on past it', async () => {
    const retracted = await api.query<Data>(RETRACT, { id: 'position:test-gbr-tariffs' }, as(keys.admin));
    expect(retracted.errors).toBeUndefined();
    expect(await wrongCopies()).toEqual([]);
    await expectListings({
      'Widget trade': ['position:test-fra-tariffs', 'position:test-deu-tariffs', 'position:test-fra-trade'],
    });
  });

  it('is backfilled by the startup schema step on a graph written without it', async () => {
    await write('MATCH (p:Position) REMOVE p.topicId');
    expect(await wrongCopies()).toHaveLength(5);
    await applyGraphSchema(api.api.db);
    expect(await wrongCopies()).toEqual([]);
    await applyGraphSchema(api.api.db);
    expect(await wrongCopies()).toEqual([]);
  });
});
