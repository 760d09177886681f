/**
 * `orderBy` on root listings (src/modules/common/list-order.ts), on a synthetic graph with many
 * ties (meetings on the same day, sources on the same date, equal source counts): every order
 * walked to the end in small pages visits each item once, a descending order is exactly its
 * ascending one reversed, cursors are bound to their order, and orders on a listing's own key
 * are read along an index in either direction.
 */
import type { CypherQuery } from '../src/graph/cypher';
import { rootPageQuery } from '../src/graph/paging.cypher';
import { Label } from '../src/graph/model';
import { orderedListing } from '../src/modules/common/list-order';
import { encodeCursor } from '../src/modules/common/page-args';
import { namedListing } from '../src/modules/common/named-listing.cypher';
import { meetingsQuery } from '../src/modules/meeting/meeting.cypher';
import { MeetingOrder } from '../src/modules/meeting/meeting.type';
import { NationOrder } from '../src/modules/nation/nation.type';
import { positionsQuery } from '../src/modules/position/position.cypher';
import { PositionOrder } from '../src/modules/position/position.type';
import { ALL_SOURCES } from '../src/modules/source/source.cypher';
import { SourceOrder } from '../src/modules/source/source.type';
import { statementsQuery } from '../src/modules/statement/statement.cypher';
import { StatementOrder } from '../src/modules/statement/statement.type';
import { TopicOrder } from '../src/modules/topic/topic.type';
import { explainOperators, scans } from './helpers/explain';
import { loadSyntheticGraph } from './helpers/synthetic';
import { startTestApi, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

/** A listing (root field and filter) and the field that holds its own key. */
const LISTINGS: { root: string; filter: string; keyField: string; orders: [string, string] }[] = [
  { root: 'meetings', filter: '', keyField: 'date', orders: ['DATE_ASC', 'DATE_DESC'] },
  {
    root: 'meetings',
    filter: ' { from: "2024-01-05" }',
    keyField: 'date',
    orders: ['DATE_ASC', 'DATE_DESC'],
  },
  { root: 'statements', filter: '', keyField: 'date', orders: ['DATE_ASC', 'DATE_DESC'] },
  { root: 'statements', filter: ' { kind: QUOTE }', keyField: 'date', orders: ['DATE_ASC', 'DATE_DESC'] },
  { root: 'positions', filter: '', keyField: 'date', orders: ['DATE_ASC', 'DATE_DESC'] },
  { root: 'sources', filter: '', keyField: 'publishedAt', orders: ['DATE_ASC', 'DATE_DESC'] },
  { root: 'nations', filter: '', keyField: 'name', orders: ['NAME_ASC', 'NAME_DESC'] },
  { root: 'officials', filter: '', keyField: 'name', orders: ['NAME_ASC', 'NAME_DESC'] },
  { root: 'organizations', filter: '', keyField: 'name', orders: ['NAME_ASC', 'NAME_DESC'] },
  { root: 'topics', filter: '', keyField: 'name', orders: ['NAME_ASC', 'NAME_DESC'] },
  {
    root: 'meetings',
    filter: '',
    keyField: 'sourceCount',
    orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'],
  },
  {
    root: 'statements',
    filter: '',
    keyField: 'sourceCount',
    orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'],
  },
  {
    root: 'positions',
    filter: '',
    keyField: 'sourceCount',
    orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'],
  },
  { root: 'nations', filter: '', keyField: 'sourceCount', orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'] },
  {
    root: 'officials',
    filter: '',
    keyField: 'sourceCount',
    orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'],
  },
  {
    root: 'organizations',
    filter: '',
    keyField: 'sourceCount',
    orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'],
  },
  { root: 'topics', filter: '', keyField: 'sourceCount', orders: ['SOURCE_COUNT_ASC', 'SOURCE_COUNT_DESC'] },
];

describe('orderBy on root listings', () => {
  let api: TestApi;
  /** Nested selections: the participant and topic listings below read along walks of link indexes. */
  let participant: string;
  let topic: string;

  beforeAll(async () => {
    api = await startTestApi({ seed: false, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    await loadSyntheticGraph(api.api, { documents: 40, nations: 12, officialsPerNation: 3 });
    const busiest = await api.query<Data>(
      '{ nations(first: 100) { nodes { id meetings(first: 1) { totalCount } } } topics(first: 1) { nodes { name } } }',
    );
    expect(busiest.errors).toBeUndefined();
    participant = busiest.data.nations.nodes.sort(
      (a: Data, b: Data) => b.meetings.totalCount - a.meetings.totalCount,
    )[0].id;
    topic = busiest.data.topics.nodes[0].name;
  }, 180_000);
  afterAll(() => api.stop());

  /** Every item of the listing in `orderBy`, in pages of `first`, with its key. */
  async function walk(
    root: string,
    filter: string | undefined,
    orderBy: string,
    keyField: string,
    first = 7,
  ) {
    const args = `${filter ? `${filter.trim().startsWith('{') ? 'filter: ' : ''}${filter.trim()}, ` : ''}orderBy: ${orderBy}, first: ${first}, after: $after`;
    const seen: { id: string; key: unknown }[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 1000; page += 1) {
      const response: Data = await api.query<Data>(
        `query Q($after: String) { ${root}(${args}) { totalCount nodes { id ${keyField} } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const connection = response.data[root];
      totalCount = connection.totalCount;
      seen.push(...connection.nodes.map((node: Data) => ({ id: node.id, key: node[keyField] })));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return { seen, totalCount };
  }

  function walkedOnce(seen: { id: string }[], totalCount: number): void {
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(totalCount);
  }

  /** (key, id) never goes backwards; `compare` orders two keys. */
  function inOrder(seen: { id: string; key: unknown }[], compare: (a: unknown, b: unknown) => number) {
    for (let i = 1; i < seen.length; i += 1) {
      const [a, b] = [seen[i - 1], seen[i]];
      const byKey = compare(a.key, b.key);
      expect(byKey < 0 || (byKey === 0 && a.id < b.id)).toBe(true);
    }
  }

  it.each(LISTINGS)(
    '$root$filter by $keyField: both ways to the end, one the reverse of the other',
    async (listing) => {
      const [ascending, descending] = listing.orders;
      const up = await walk(listing.root, listing.filter, ascending, listing.keyField);
      const down = await walk(listing.root, listing.filter, descending, listing.keyField);
      expect(up.totalCount).toBeGreaterThan(7);
      walkedOnce(up.seen, up.totalCount);
      walkedOnce(down.seen, down.totalCount);
      // Ties included: the descending walk is the ascending one reversed, item for item.
      expect(down.seen.map((item) => item.id)).toEqual(up.seen.map((item) => item.id).reverse());
      if (listing.keyField === 'sourceCount') {
        inOrder(up.seen, (a, b) => (a as number) - (b as number));
        // Ties on the count are what the id must break.
        expect(new Set(up.seen.map((item) => item.key)).size).toBeLessThan(up.seen.length);
      } else if (listing.keyField !== 'name') {
        // Undated statements and positions have no key ('' sorts first); names sort folded (paging.test.ts).
        inOrder(up.seen, (a, b) => String(a ?? '').localeCompare(String(b ?? '')));
      }
    },
  );

  it('keeps the default order when orderBy is absent, with the same cursors as before', async () => {
    const plain = await api.query<Data>('{ meetings(first: 5) { edges { cursor node { id } } } }');
    const ordered = await api.query<Data>(
      '{ meetings(orderBy: DATE_ASC, first: 5) { edges { cursor node { id } } } }',
    );
    expect(ordered.data.meetings).toEqual(plain.data.meetings);
    const [edge] = plain.data.meetings.edges;
    // Cursors of the default order are what they were before orderBy (list, key, id).
    expect(JSON.parse(Buffer.from(edge.cursor, 'base64url').toString('utf8'))).toHaveLength(3);
  });

  it("walks a participant's meetings, a topic's positions and statements, an actor's timeline both ways", async () => {
    // A timeline holds several types, so its items are compared by id only.
    for (const [root, filter, keyField] of [
      ['timeline', `actor: "${participant}"`, '__typename'],
      ['timeline', `actor: "${participant}", from: "2024-01-05"`, '__typename'],
      ['meetings', `{ participant: "${participant}" }`, 'date'],
      ['positions', `{ topic: ${JSON.stringify(topic)} }`, 'date'],
      // Anchored on a topic, not read along an index: the sorted window, backwards.
      ['statements', `{ topic: ${JSON.stringify(topic)} }`, 'date'],
    ] as const) {
      const up = await walk(root, filter, 'DATE_ASC', keyField, 3);
      const down = await walk(root, filter, 'DATE_DESC', keyField, 3);
      expect(up.totalCount).toBeGreaterThan(3);
      walkedOnce(up.seen, up.totalCount);
      walkedOnce(down.seen, down.totalCount);
      expect(down.seen.map((item) => item.id)).toEqual(up.seen.map((item) => item.id).reverse());
    }
  });

  it('gives the newest meeting in one request (what the explorer opens on)', async () => {
    const all = await walk('meetings', undefined, 'DATE_ASC', 'date', 100);
    const latest = await api.query<Data>('{ meetings(orderBy: DATE_DESC, first: 1) { nodes { id date } } }');
    expect(latest.data.meetings.nodes).toEqual([{ id: all.seen.at(-1)?.id, date: all.seen.at(-1)?.key }]);
  });

  it.each(['DATE_DESC', 'SOURCE_COUNT_DESC'])(
    'fetches plain relations ahead in the page statement under %s (one round trip, whatever the page size)',
    async (orderBy) => {
      for (const first of [2, 50]) {
        const response = await api.query<Data>(
          `{ meetings(orderBy: ${orderBy}, first: ${first}) { nodes { id participants { id name } place { name } topics { name } } } }`,
        );
        expect(response.errors).toBeUndefined();
        expect(response.data.meetings.nodes.some((node: Data) => node.participants.length > 0)).toBe(true);
        expect((response.extensions?.queryStats as { roundTrips: number }).roundTrips).toBe(1);
      }
    },
  );

  describe('cursors are bound to their order', () => {
    async function endCursor(root: string, orderBy?: string): Promise<string> {
      const response = await api.query<Data>(
        `{ ${root}(${orderBy ? `orderBy: ${orderBy}, ` : ''}first: 2) { pageInfo { endCursor } } }`,
      );
      return response.data[root].pageInfo.endCursor;
    }

    async function refused(query: string, after: string): Promise<Data> {
      const response = await api.query<Data>(query, { after });
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      return response.errors![0];
    }

    it('refuses a cursor of another order, saying which order it belongs to', async () => {
      const newest = await endCursor('meetings', 'DATE_DESC');
      const error = await refused(
        'query Q($after: String) { meetings(first: 2, after: $after) { nodes { id } } }',
        newest,
      );
      expect(error.message).toBe(
        '`after` is a cursor of ordering DATE_DESC, not DATE_ASC; restart without `after` or pass orderBy: DATE_DESC.',
      );
      const oldest = await endCursor('meetings');
      const back = await refused(
        'query Q($after: String) { meetings(orderBy: SOURCE_COUNT_DESC, first: 2, after: $after) { nodes { id } } }',
        oldest,
      );
      expect(back.message).toContain('pass orderBy: DATE_ASC');
      // With the order it was issued in, the same cursor goes on.
      const goesOn = await api.query<Data>(
        'query Q($after: String) { meetings(orderBy: DATE_DESC, first: 2, after: $after) { nodes { id } } }',
        { after: newest },
      );
      expect(goesOn.errors).toBeUndefined();
      expect(goesOn.data.meetings.nodes).toHaveLength(2);
    });

    it("refuses another list's cursor whatever its order", async () => {
      const nations = await endCursor('nations', 'NAME_DESC');
      const error = await refused(
        'query Q($after: String) { topics(orderBy: NAME_DESC, first: 2, after: $after) { nodes { id } } }',
        nations,
      );
      expect(error.message).toContain('cursor of another list (nations)');
    });

    it.each([
      ['garbled', 'not a cursor!'],
      [
        'an order the list lacks',
        encodeCursor({ key: '2024', id: 'meeting:x' }, 'meetings', {
          name: 'NAME_DESC',
          defaultName: 'x',
          names: ['NAME_DESC'],
        }),
      ],
      [
        'an order field that is no string',
        Buffer.from(JSON.stringify(['meetings', '2024', 'meeting:x', 7])).toString('base64url'),
      ],
    ])('refuses a cursor that is %s as one this API did not issue', async (_case, cursor) => {
      const error = await refused(
        'query Q($after: String) { meetings(orderBy: DATE_DESC, first: 2, after: $after) { nodes { id } } }',
        cursor,
      );
      expect(error.message).toBe(
        '`after` is not a cursor this API issued; pass an `endCursor` or edge `cursor` unchanged.',
      );
    });

    it('refuses an orderBy the listing does not have (sources have no source count)', async () => {
      const response = await api.query<Data>('{ sources(orderBy: SOURCE_COUNT_DESC) { nodes { id } } }');
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('SourceOrder');
    });
  });

  describe('reads along an index in either direction (EXPLAIN)', () => {
    const explain = (query: CypherQuery) => explainOperators(api.api.db, query);
    const cursor = { key: '2024-01-05', id: 'm' };

    /** Page statements, with and without a cursor, of each order read along a node index. */
    const indexed = (): [string, CypherQuery][] => {
      const meetings = meetingsQuery({
        from: null,
        to: null,
        place: null,
        participant: null,
        chair: null,
        topic: null,
        status: null,
      });
      const statements = statementsQuery({
        speaker: null,
        meeting: null,
        topic: null,
        text: null,
        kind: 'QUOTE',
      });
      const positions = positionsQuery({ stances: null, holder: null, topic: null });
      const cases: [string, ReturnType<typeof orderedListing>][] = [
        ['meetings DATE_DESC', orderedListing(MeetingOrder, 'DATE_DESC', meetings)],
        ['statements of a kind DATE_DESC', orderedListing(StatementOrder, 'DATE_DESC', statements)],
        ['positions DATE_DESC', orderedListing(PositionOrder, 'DATE_DESC', positions)],
        ['sources DATE_DESC', orderedListing(SourceOrder, 'DATE_DESC', ALL_SOURCES)],
        ['nations NAME_DESC', orderedListing(NationOrder, 'NAME_DESC', namedListing(Label.Nation, {}))],
        ['topics NAME_DESC', orderedListing(TopicOrder, 'NAME_DESC', namedListing(Label.Topic, {}))],
        ['meetings DATE_ASC', orderedListing(MeetingOrder, 'DATE_ASC', meetings)],
      ];
      return cases.flatMap(([name, { spec }]) => [
        [`${name}, first page`, rootPageQuery(spec, { first: 20, after: undefined })],
        [`${name}, after a cursor`, rootPageQuery(spec, { first: 20, after: cursor })],
      ]);
    };

    it.each(indexed())(
      '%s seeks the index and takes its order (no sort of every match)',
      async (_name, query) => {
        const ops = await explain(query);
        expect(scans(ops)).toEqual([]);
        expect(ops.some((op) => op.startsWith('NodeIndexSeekByRange'))).toBe(true);
        // Top and Sort would order every match; PartialTop only breaks ties of the index's order.
        expect(ops.filter((op) => op === 'Top' || op === 'Sort')).toEqual([]);
      },
    );

    it("reads a participant's meetings newest first along the actors' link indexes", async () => {
      const { spec } = orderedListing(
        MeetingOrder,
        'DATE_DESC',
        meetingsQuery({
          from: null,
          to: null,
          place: null,
          participant,
          chair: null,
          topic: null,
          status: null,
        }),
      );
      const ops = await explain(rootPageQuery(spec, { first: 20, after: cursor }));
      expect(scans(ops)).toEqual([]);
      expect(ops.some((op) => op.includes('RelationshipIndexSeek'))).toBe(true);
    });

    it('sorts by source count (control: no index serves it)', async () => {
      const { spec } = orderedListing(NationOrder, 'SOURCE_COUNT_DESC', namedListing(Label.Nation, {}));
      const ops = await explain(rootPageQuery(spec, { first: 20, after: undefined }));
      expect(ops.some((op) => op === 'Top' || op === 'Sort')).toBe(true);
    });
  });
});
