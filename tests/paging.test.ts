/**
 * Keyset paging on a synthetic graph with many ties (meetings on the same day, sources on the same
 * date): small pages visit every item exactly once, in (sort key, id) order, for every root listing
 * (including those read in index order) and every nested connection.
 */
import { applyGraphSchema } from '../src/graph/schema';
import { loadSyntheticGraph } from './helpers/synthetic';
import { startTestApi, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const LISTINGS: [string, string, string][] = [
  ['meetings', 'meetings(first: 7, after: $after)', 'date'],
  ['meetings from a date', 'meetings(first: 7, after: $after, filter: { from: "2024-01-05" })', 'date'],
  ['nations', 'nations(first: 7, after: $after)', 'name'],
  ['officials', 'officials(first: 7, after: $after)', 'name'],
  ['organizations', 'organizations(first: 2, after: $after)', 'name'],
  ['topics', 'topics(first: 7, after: $after)', 'name'],
  ['sources', 'sources(first: 7, after: $after)', 'publishedAt'],
  ['statements', 'statements(first: 7, after: $after)', 'date'],
  ['statements of a kind', 'statements(first: 7, after: $after, filter: { kind: QUOTE })', 'date'],
  ['positions', 'positions(first: 7, after: $after)', 'date'],
];

describe('keyset paging with ties', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    await loadSyntheticGraph(api.api, { documents: 40, nations: 12, officialsPerNation: 3 });
    // As a graph written before statements and positions had a sortDate, some of them undated:
    // startup's schema step backfills the key, and undated items list first (key '').
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `CALL () {
            MATCH (n:Statement) RETURN n ORDER BY n.id LIMIT 75
            UNION MATCH (n:Position) RETURN n ORDER BY n.id LIMIT 75
          }
          REMOVE n.sortDate
          WITH n WHERE toInteger(right(n.id, 1)) % 3 = 0 REMOVE n.date`,
        params: {},
      }),
    );
    await applyGraphSchema(api.api.db);
  }, 180_000);
  afterAll(() => api.stop());

  it.each(LISTINGS)('%s', async (name, selection, sortField) => {
    const root = selection.slice(0, selection.indexOf('('));
    const totalQuery = selection.replace(/first: \d+, after: \$after,? ?/, 'first: 1, ');
    const total = await api.query<Data>(`{ ${totalQuery} { totalCount } }`);
    expect(total.errors).toBeUndefined();
    const totalCount: number = total.data[root].totalCount;
    expect(totalCount).toBeGreaterThan(7);

    const seen: { id: string; key: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1000; page += 1) {
      const response: Data = await api.query<Data>(
        `query Q($after: String) { ${selection} { nodes { id ${sortField} } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const connection = response.data[root];
      seen.push(...connection.nodes.map((n: Data) => ({ id: n.id, key: String(n[sortField] ?? '') })));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(totalCount);
    if (name === 'statements' || name === 'positions') {
      // The undated ones are there too, first.
      expect(seen[0].key).toBe('');
      expect(seen.filter((item) => item.key === '').length).toBeGreaterThan(5);
    }
    if (sortField !== 'name') {
      // Dates and ids never go backwards (names sort by their folded form, checked elsewhere).
      for (let i = 1; i < seen.length; i += 1) {
        const [a, b] = [seen[i - 1], seen[i]];
        expect(a.key < b.key || (a.key === b.key && a.id < b.id)).toBe(true);
      }
    }
  });

  // Nested connections with data in the synthetic graph (its statements and positions are made by
  // officials, so a nation's or organization's own are empty there).
  const NESTED: [string, string, string][] = [
    ['Meeting', 'statementsConnection', 'meetings(first: 100) { nodes { id COUNT } }'],
    ['Nation', 'meetings', 'nations(first: 100) { nodes { id COUNT } }'],
    ['Official', 'meetings', 'officials(first: 100) { nodes { id COUNT } }'],
    ['Official', 'statements', 'officials(first: 100) { nodes { id COUNT } }'],
    ['Organization', 'meetings', 'organizations(first: 100) { nodes { id COUNT } }'],
    ['Topic', 'positions', 'topics(first: 100) { nodes { id COUNT } }'],
    ['Topic', 'statements', 'topics(first: 100) { nodes { id COUNT } }'],
    ['Topic', 'meetings', 'topics(first: 100) { nodes { id COUNT } }'],
    ['Meeting', 'participantsConnection', 'meetings(first: 100) { nodes { id COUNT } }'],
    ['Nation', 'officialsConnection', 'nations(first: 100) { nodes { id COUNT } }'],
    ['Nation', 'membershipsConnection', 'nations(first: 100) { nodes { id COUNT } }'],
  ];

  it.each(NESTED)('nested %s.%s', async (type, field, parents) => {
    // The parent with the most items, so paging crosses several pages.
    const list = await api.query<Data>(
      `{ ${parents.replace('COUNT', `${field}(first: 1) { totalCount }`)} }`,
    );
    expect(list.errors).toBeUndefined();
    const [parent] = (Object.values(list.data)[0] as Data).nodes.sort(
      (a: Data, b: Data) => b[field].totalCount - a[field].totalCount,
    );
    const totalCount: number = parent[field].totalCount;
    expect(totalCount).toBeGreaterThan(2);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1000; page += 1) {
      const response: Data = await api.query<Data>(
        `query Q($id: ID!, $after: String) { node(id: $id) { ... on ${type} { ${field}(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } } }`,
        { id: parent.id, after },
      );
      expect(response.errors).toBeUndefined();
      const connection = response.data.node[field];
      seen.push(...connection.nodes.map((n: Data) => n.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(totalCount);
  });
});
