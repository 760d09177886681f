/**
 * The read API over real HTTP on the seeded graph: Relay paging without gaps or duplicates, name
 * matching, and bad input answered with BAD_USER_INPUT / NOT_FOUND and a message that says what to fix.
 */
import { errorCodes } from './helpers/graphql';
import { startTestApi, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

describe('read API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  describe('paging with first: 1 visits every item once', () => {
    const connections: [string, string][] = [
      ['nations', 'nations(first: 1, after: $after)'],
      ['officials', 'officials(first: 1, after: $after)'],
      ['organizations', 'organizations(first: 1, after: $after)'],
      ['meetings', 'meetings(first: 1, after: $after)'],
      ['statements', 'statements(first: 1, after: $after)'],
      ['positions', 'positions(first: 1, after: $after)'],
      ['topics', 'topics(first: 1, after: $after)'],
      ['sources', 'sources(first: 1, after: $after)'],
      ['timeline', 'timeline(actor: "nation:gbr", first: 1, after: $after)'],
    ];

    it.each(connections)('%s', async (field, selection) => {
      const all = await api.query<Data>(
        `{ ${field.startsWith('timeline') ? 'timeline(actor: "nation:gbr", first: 100)' : `${field}(first: 100)`} { totalCount nodes { id } } }`,
      );
      const expected: string[] = all.data[field].nodes.map((n: Data) => n.id);
      expect(expected.length).toBe(all.data[field].totalCount);
      expect(expected.length).toBeGreaterThan(field === 'sources' ? 0 : 1);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 200; page += 1) {
        const response: { data?: Data; errors?: unknown } = await api.query<Data>(
          `query Page($after: String) { ${selection} { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(response.errors).toBeUndefined();
        const connection: Data = response.data[field];
        expect(connection.totalCount).toBe(expected.length);
        seen.push(...connection.edges.map((edge: Data) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('pages a nested connection too', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const response: { data?: Data; errors?: unknown } = await api.query<Data>(
          'query Page($after: String) { node(id: "official:john-healey") { ... on Official { statements(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }',
          { after },
        );
        const connection: Data = response.data.node.statements;
        expect(connection.totalCount).toBe(5);
        seen.push(...connection.nodes.map((n: Data) => n.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(5);
      expect(seen).toHaveLength(5);
    });
  });

  describe('every list that can grow has a paged twin with the same items in the same order', () => {
    const ITEM = { id: 'id', evidence: 'excerpt start source { id }' };
    // [type, plain list, its connection twin, item fields, a listing of candidate parents, the
    // fewest items the longest list has in the seed (one membership, one excerpt per official or
    // organization there; tests/paging.test.ts pages those on a larger synthetic graph)]
    const TWINS: [string, string, string, string, string, number?][] = [
      ['Meeting', 'participants', 'participantsConnection', ITEM.id, 'meetings(first: 25)'],
      ['Meeting', 'evidence', 'evidenceConnection', ITEM.evidence, 'meetings(first: 25)'],
      ['Nation', 'officials', 'officialsConnection', ITEM.id, 'nations(first: 25)'],
      ['Nation', 'memberships', 'membershipsConnection', ITEM.id, 'nations(first: 25)', 1],
      ['Nation', 'evidence', 'evidenceConnection', ITEM.evidence, 'nations(first: 25)'],
      ['Official', 'evidence', 'evidenceConnection', ITEM.evidence, 'officials(first: 25)', 1],
      ['Organization', 'members', 'membersConnection', ITEM.id, 'organizations(first: 25)'],
      ['Organization', 'evidence', 'evidenceConnection', ITEM.evidence, 'organizations(first: 25)', 1],
      ['Topic', 'evidence', 'evidenceConnection', ITEM.evidence, 'topics(first: 25)'],
    ];

    it.each(TWINS)('%s.%s and %s', async (type, list, twin, fields, parents, fewest = 2) => {
      // The parent with the longest list, so paging crosses several pages.
      // 25 of each keeps the request under the complexity limit; longer lists are compared on their start.
      const listing = await api.query<Data>(
        `{ ${parents} { nodes { id ${list}(first: 25) { ${fields} } } } }`,
      );
      expect(listing.errors).toBeUndefined();
      const [parent] = (Object.values(listing.data)[0] as Data).nodes.sort(
        (a: Data, b: Data) => b[list].length - a[list].length,
      );
      const expected: string[] = parent[list].map((item: Data) => JSON.stringify(item));
      expect(expected.length).toBeGreaterThanOrEqual(fewest);

      const seen: string[] = [];
      let totalCount = 0;
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const response: Data = await api.query<Data>(
          `query Q($id: ID!, $after: String) { node(id: $id) { ... on ${type} { ${twin}(first: 1, after: $after) { totalCount nodes { ${fields} } pageInfo { hasNextPage endCursor } } } } }`,
          { id: parent.id, after },
        );
        expect(response.errors).toBeUndefined();
        const connection = response.data.node[twin];
        totalCount = connection.totalCount;
        seen.push(...connection.nodes.map((item: Data) => JSON.stringify(item)));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(totalCount);
      expect(expected).toHaveLength(Math.min(totalCount, 25));
      expect(seen.slice(0, expected.length)).toEqual(expected);
    });

    it("pages a place's evidence", async () => {
      const response = await api.query<Data>(
        '{ meetings(first: 15) { nodes { place { id evidence(first: 25) { excerpt } evidenceConnection(first: 25) { totalCount nodes { excerpt } } } } } }',
      );
      expect(response.errors).toBeUndefined();
      const places = response.data.meetings.nodes.map((m: Data) => m.place).filter(Boolean);
      expect(places.some((place: Data) => place.evidence.length > 0)).toBe(true);
      for (const place of places) {
        expect(place.evidenceConnection.nodes).toEqual(place.evidence);
        expect(place.evidenceConnection.totalCount).toBe(place.evidence.length);
      }
    });
  });

  describe('names match case- and accent-insensitively, by name or alias', () => {
    it.each([
      ['nations', 'Kiev', 'Ukraine'],
      ['nations', 'kyiv', 'Ukraine'],
      ['nations', 'BRITAIN', 'United Kingdom'],
      ['officials', 'Hakkanen', 'Antti Häkkänen'],
      ['officials', 'häkkänen', 'Antti Häkkänen'],
      ['officials', 'pal jonson', 'Pål Jonson'],
      ['organizations', 'UDCG', 'Ukraine Defence Contact Group'],
      ['topics', 'backstop', 'US security backstop'],
    ])('%s(name: %p) finds %p', async (field, name, expected) => {
      const response = await api.query<Data>(
        `query Find($name: String) { ${field}(filter: { name: $name }) { nodes { name } } }`,
        { name },
      );
      expect(response.data[field].nodes.map((n: Data) => n.name)).toContain(expected);
    });

    it('includes narrower topics in stance queries', async () => {
      const response = await api.query<Data>(
        '{ positions(filter: { topic: "US involvement", stance: [REFUSES] }) { nodes { holder { name } topic { name } } } }',
      );
      expect(response.data.positions.nodes).toEqual([
        { holder: { name: 'United States' }, topic: { name: 'US security backstop' } },
      ]);
    });
  });

  describe('bad input', () => {
    it.each([
      [
        'first above the cap',
        '{ nations(first: 101) { totalCount } }',
        'BAD_USER_INPUT',
        /between 1 and 100/,
      ],
      ['first of zero', '{ nations(first: 0) { totalCount } }', 'BAD_USER_INPUT', /between 1 and 100/],
      [
        'first above the cap on a nested list',
        '{ nations { nodes { officials(first: 500) { name } } } }',
        'BAD_USER_INPUT',
        /between 1 and 100/,
      ],
      [
        'a malformed cursor',
        '{ nations(after: "not-a-cursor!") { totalCount } }',
        'BAD_USER_INPUT',
        /not a cursor this API issued/,
      ],
      [
        'a forged cursor',
        `{ nations(after: "${Buffer.from('{"x":1}').toString('base64url')}") { totalCount } }`,
        'BAD_USER_INPUT',
        /not a cursor/,
      ],
      [
        'an unknown id',
        '{ node(id: "nation:zzz") { id } }',
        'NOT_FOUND',
        /No entity has the id "nation:zzz"/,
      ],
      [
        'an unknown actor in a timeline',
        '{ timeline(actor: "official:nobody") { nodes { id } } }',
        'NOT_FOUND',
        /No actor has the id "official:nobody"/,
      ],
      [
        'an unknown actor in co-attendance',
        '{ coAttendance(actor: "nation:zzz") { count } }',
        'NOT_FOUND',
        /No actor has the id "nation:zzz"/,
      ],
      [
        'an unknown end of a path',
        '{ path(from: "official:john-healey", to: "official:nobody") { nodes { id } } }',
        'NOT_FOUND',
        /No entity has the id "official:nobody"/,
      ],
      [
        'an id without a known prefix',
        '{ node(id: "planet:mars") { id } }',
        'BAD_USER_INPUT',
        /must be an id starting with one of nation:/,
      ],
      [
        'empty search text',
        '{ search(text: "   ") { score } }',
        'BAD_USER_INPUT',
        /at least one letter or digit/,
      ],
      [
        'search text of only operators',
        '{ search(text: "*:*") { score } }',
        'BAD_USER_INPUT',
        /at least one letter or digit/,
      ],
      [
        'oversized search text',
        `{ search(text: "${'a'.repeat(201)}") { score } }`,
        'BAD_USER_INPUT',
        /too long/,
      ],
      [
        'maxHops out of range',
        '{ path(from: "official:john-healey", to: "official:pal-jonson", maxHops: 50) { steps { type } } }',
        'BAD_USER_INPUT',
        /maxHops/,
      ],
      ['a misspelt field', '{ nations { nodes { nmae } } }', 'BAD_USER_INPUT', /Cannot query field "nmae"/],
    ])('%s', async (_name, query, code, message) => {
      const response = await api.query(query);
      expect(errorCodes(response)).toEqual([code]);
      expect(response.errors![0].message).toMatch(message);
      expect(JSON.stringify(response)).not.toMatch(/MATCH|Neo4j|stacktrace/);
    });

    it.each([
      ['an unpaired surrogate', 'Ky\ud800iv'],
      ['a control character', 'Ky\u0007iv'],
    ])('rejects %s in any string argument', async (_name, text) => {
      const response = await api.query('query Q($text: String!) { search(text: $text) { score } }', { text });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.status).toBe(400);
    });

    it('answers filters on unknown ids with empty results, not errors', async () => {
      const response = await api.query<Data>(
        '{ meetings(filter: { participant: "nation:zzz" }) { totalCount } statements(filter: { speaker: "topic:nope" }) { totalCount } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ meetings: { totalCount: 0 }, statements: { totalCount: 0 } });
    });

    it('treats Lucene syntax in search as plain words', async () => {
      for (const text of [
        'name:Healey',
        'Healey AND NOT Jonson',
        'Heal*',
        '"unbalanced',
        'a~2 b^3 (c',
        'Healey || x',
      ]) {
        const response = await api.query<Data>(
          'query Q($text: String!) { search(text: $text, first: 100) { node { id } } }',
          { text },
        );
        expect(response.errors).toBeUndefined();
        // Never the whole index: the seed has far more searchable entities than these words match.
        expect(response.data.search.length).toBeLessThan(10);
      }
    });
  });

  describe('says who, for entities and links', () => {
    it('gives the excerpts that mention a nation, a place and a topic', async () => {
      const response = await api.query<Data>(`{
        ukraine: node(id: "nation:ukr") { ... on Nation { evidence { excerpt source { publisher } } } }
        brussels: node(id: "place:brussels") { ... on Place { evidence { excerpt } } }
        nations(filter: { name: "Belgium" }) { nodes { evidence { excerpt } } }
      }`);
      expect(response.errors).toBeUndefined();
      expect(response.data.ukraine.evidence.map((e: Data) => e.excerpt)).toContainEqual(
        expect.stringContaining('Kiev'),
      );
      expect(response.data.ukraine.evidence[0].source.publisher).toBe('Qatar Tribune');
      expect(response.data.brussels.evidence.length).toBeGreaterThan(0);
      expect(response.data.nations.nodes[0].evidence.map((e: Data) => e.excerpt)).toContainEqual(
        expect.stringContaining('Belgium'),
      );
    });

    it('gives member nations with the excerpts that attest membership', async () => {
      const response = await api.query<Data>(`{
        organizations(filter: { name: "coalition of the willing" }) {
          nodes { membersWithEvidence { nation { name } evidence { excerpt } } }
        }
      }`);
      expect(response.errors).toBeUndefined();
      const members = response.data.organizations.nodes[0].membersWithEvidence;
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) expect(member.evidence.length).toBeGreaterThan(0);
    });

    it('limits leaders after keeping only nations, so first: 1 still finds one', async () => {
      const response = await api.query<Data>(
        '{ organizations(filter: { name: "coalition of the willing" }) { nodes { leaders(first: 1) { iso3 } } } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.organizations.nodes[0].leaders).toHaveLength(1);
    });
  });

  it('answers a path from an entity to itself, and null between unconnected entities', async () => {
    const self = await api.query<Data>(
      '{ path(from: "official:john-healey", to: "official:john-healey") { nodes { id } steps { type } } }',
    );
    expect(self.data.path).toEqual({ nodes: [{ id: 'official:john-healey' }], steps: [] });
    const none = await api.query<Data>(
      '{ path(from: "official:john-healey", to: "official:pal-jonson", maxHops: 1) { nodes { id } } }',
    );
    expect(none.errors).toBeUndefined();
    expect(none.data.path).toBeNull();
  });

  it('refuses a cursor from another list instead of starting somewhere else in this one', async () => {
    const meetings = await api.query<Data>('{ meetings(first: 1) { pageInfo { endCursor } } }');
    const cursor: string = meetings.data.meetings.pageInfo.endCursor;
    const elsewhere = await api.query<Data>(`{ nations(first: 1, after: "${cursor}") { nodes { id } } }`);
    expect(errorCodes(elsewhere)).toEqual(['BAD_USER_INPUT']);
    expect(elsewhere.errors![0].message).toMatch(
      /cursor of another list \(meetings\); pass a cursor that this nations list returned/,
    );
    const nested = await api.query<Data>(
      `{ node(id: "nation:gbr") { ... on Nation { meetings(first: 1, after: "${cursor}") { nodes { id } } } } }`,
    );
    expect(errorCodes(nested)).toEqual(['BAD_USER_INPUT']);
    // The list it came from takes it.
    const same = await api.query<Data>(`{ meetings(first: 1, after: "${cursor}") { nodes { id } } }`);
    expect(same.errors).toBeUndefined();
  });

  it("counts a nation's officials' statements and positions as the nation's, as its meetings and timeline do", async () => {
    const response = await api.query<Data>(`{
      node(id: "nation:gbr") { ... on Nation {
        statements(first: 100) { totalCount nodes { id speaker { id } } }
        positions(first: 100) { totalCount nodes { id holder { id } } }
      } }
      healey: statements(filter: { speaker: "official:john-healey" }) { totalCount }
      own: statements(filter: { speaker: "nation:gbr" }) { totalCount }
    }`);
    expect(response.errors).toBeUndefined();
    const { statements, positions } = response.data.node;
    expect(statements.totalCount).toBeGreaterThanOrEqual(
      response.data.healey.totalCount + response.data.own.totalCount,
    );
    expect(statements.nodes.map((n: Data) => n.speaker.id)).toEqual(
      expect.arrayContaining(['official:john-healey', 'official:keir-starmer']),
    );
    expect(positions.nodes.map((n: Data) => n.id)).toContain('position:starmer-stresses-security-guarantee');
  });

  it("puts an actor's undated statements and positions at the end of its timeline, and outside any date range", async () => {
    const fields =
      'totalCount nodes { id ... on Statement { date } ... on Position { date } ... on Meeting { meetingDate: date } }';
    const response = await api.query<Data>(`{
      all: timeline(actor: "nation:gbr", first: 100) { ${fields} }
      ranged: timeline(actor: "nation:gbr", first: 100, from: "2000-01-01") { ${fields} }
    }`);
    expect(response.errors).toBeUndefined();
    const dates = response.data.all.nodes.map((n: Data) => n.date ?? n.meetingDate ?? null);
    const undated = dates.filter((date: string | null) => date === null).length;
    // Starmer's undated remark that a guarantee is vital, and the position it expresses.
    expect(response.data.all.nodes.map((n: Data) => n.id)).toEqual(
      expect.arrayContaining([
        'statement:starmer-guarantee-vital',
        'position:starmer-stresses-security-guarantee',
      ]),
    );
    expect(undated).toBeGreaterThanOrEqual(2);
    expect(dates.slice(-undated).every((date: string | null) => date === null)).toBe(true);
    expect(response.data.all.totalCount).toBe(response.data.ranged.totalCount + undated);
    expect(response.data.ranged.nodes.map((n: Data) => n.id)).not.toContain(
      'statement:starmer-guarantee-vital',
    );
  });
});
