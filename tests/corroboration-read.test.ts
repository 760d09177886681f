/**
 * The read side of corroboration (docs/corroboration.md) as an analyst sees it, on the seed plus
 * small reports imported through importDocument: where sources contradict each other (stances,
 * offices, a meeting's figures, date and place), how a stance changed over time, how many sources
 * and publishers stand behind each entity and fact, and the filters that read those counts and grades.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCodes } from './helpers/graphql';
import { report, says } from './helpers/reports';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const NORWAY = {
  id: 'nation:nor',
  name: 'Norway',
  aliases: [],
  iso3: 'NOR',
  evidence: says('Norway said on'),
};

/** Norway's stance on the reassurance force (a seed topic), reported over three months. */
function norwayStance(slug: string, publisher: string, date: string, stance: string, sentence: string) {
  return report(
    { slug, publisher, publishedAt: date, sentences: [`Norway said on ${date} that ${sentence}`] },
    {
      nations: [NORWAY],
      positions: [
        {
          id: `position:${slug}`,
          stance,
          holder: 'nation:nor',
          topic: 'topic:reassurance-force',
          summary: `${stance} the reassurance force`,
          date,
          evidence: says(sentence),
        },
      ],
    },
  );
}

const STANCES = [
  norwayStance('nor-supports-may', 'Alpha Wire', '2025-05-01', 'SUPPORTS', 'it backs the reassurance force.'),
  norwayStance('nor-opposes-may', 'Beta News', '2025-05-20', 'OPPOSES', 'it opposes the reassurance force.'),
  norwayStance(
    'nor-supports-aug',
    'Alpha Wire',
    '2025-08-01',
    'SUPPORTS',
    'it backs the reassurance force again.',
  ),
  norwayStance(
    'nor-pledges-aug',
    'Gamma Daily',
    '2025-08-20',
    'SUPPORTS',
    'it still backs the reassurance force.',
  ),
];

function office(
  slug: string,
  publisher: string,
  date: string,
  sentence: string,
  roles: { title: string; excerpt: string }[],
  official = 'official:ingrid-vik',
  name = 'Ingrid Vik',
) {
  return report(
    { slug, publisher, publishedAt: date, sentences: [sentence] },
    {
      nations: [{ ...NORWAY, evidence: says(roles[0].excerpt) }],
      officials: [
        {
          id: official,
          name,
          aliases: [],
          nation: 'nation:nor',
          roles: roles.map((role) => ({
            id: `${official.replace('official:', 'role:')}-${role.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
            title: role.title,
            nation: 'nation:nor',
            asOf: date,
            evidence: says(role.excerpt),
          })),
          evidence: says(name),
        },
      ],
    },
  );
}

const OFFICES = [
  office(
    'vik-defence',
    'Alpha Wire',
    '2025-06-01',
    'Norwegian Defence Minister Ingrid Vik visited Brussels.',
    [{ title: 'Defence Minister', excerpt: 'Norwegian Defence Minister Ingrid Vik' }],
  ),
  office(
    'vik-defense-us',
    'Delta Post',
    '2025-06-10',
    'Norwegian Defense Secretary Ingrid Vik spoke to reporters.',
    [{ title: 'Defense Secretary', excerpt: 'Norwegian Defense Secretary Ingrid Vik' }],
  ),
  office(
    'vik-foreign',
    'Gamma Daily',
    '2025-06-20',
    'Norwegian Foreign Minister Ingrid Vik met her counterparts.',
    [{ title: 'Foreign Minister', excerpt: 'Norwegian Foreign Minister Ingrid Vik' }],
  ),
  // One source naming both offices: two offices held at once, not a contradiction.
  office(
    'berg-two-hats',
    'Alpha Wire',
    '2025-06-05',
    'Lars Berg, the Norwegian Trade Minister and Minister for Nordic Cooperation, arrived.',
    [
      { title: 'Trade Minister', excerpt: 'the Norwegian Trade Minister' },
      { title: 'Minister for Nordic Cooperation', excerpt: 'Minister for Nordic Cooperation' },
    ],
    'official:lars-berg',
    'Lars Berg',
  ),
];

const NORDIC_TITLE = "Nordic defence ministers' meeting";

/** Three reports of one meeting that disagree on its date, place and the amount pledged. */
function nordicMeeting(options: {
  slug: string;
  publisher: string;
  publishedAt: string;
  meetingId: string;
  date: string;
  place: { id: string; name: string; within?: string };
  sentences: string[];
  meetingExcerpt: string;
  pledge: { value: number; approximate?: boolean; excerpt: string };
  nationsRepresented?: number;
}) {
  return report(
    {
      slug: options.slug,
      publisher: options.publisher,
      publishedAt: options.publishedAt,
      sentences: options.sentences,
    },
    {
      places: [
        {
          id: options.place.id,
          name: options.place.name,
          aliases: [],
          kind: options.place.within ? 'VENUE' : 'CITY',
          country: 'nation:nor',
          ...(options.place.within ? { within: options.place.within } : {}),
          evidence: says(options.meetingExcerpt),
        },
      ],
      meetings: [
        {
          id: options.meetingId,
          title: NORDIC_TITLE,
          date: options.date,
          status: 'HELD',
          place: options.place.id,
          participants: ['official:ingrid-vik', 'official:lars-berg'],
          ...(options.nationsRepresented ? { nationsRepresented: options.nationsRepresented } : {}),
          figures: [
            {
              measure: 'AMOUNT_PLEDGED',
              value: options.pledge.value,
              unit: 'EUR',
              ...(options.pledge.approximate ? { approximate: true } : {}),
              evidence: says(options.pledge.excerpt),
            },
          ],
          evidence: says(options.meetingExcerpt),
        },
      ],
    },
  );
}

const OSLO = { id: 'place:oslo', name: 'Oslo' };
const MEETINGS = [
  nordicMeeting({
    slug: 'nordic-alpha',
    publisher: 'Alpha Wire',
    publishedAt: '2025-07-01',
    meetingId: 'meeting:2025-06-30-nordic-defence-oslo',
    date: '2025-06-30',
    place: OSLO,
    sentences: [
      'Nordic defence ministers met in Oslo on June 30.',
      'Twelve nations were represented.',
      'They pledged 500 million euros for air defence.',
    ],
    meetingExcerpt: 'Nordic defence ministers met in Oslo on June 30.',
    pledge: { value: 500_000_000, excerpt: 'They pledged 500 million euros for air defence.' },
    nationsRepresented: 12,
  }),
  nordicMeeting({
    slug: 'nordic-beta',
    publisher: 'Beta News',
    publishedAt: '2025-07-02',
    meetingId: 'meeting:2025-07-01-nordic-defence-oslo',
    date: '2025-07-01',
    place: { id: 'place:oslo-city-hall', name: 'Oslo City Hall', within: 'place:oslo' },
    sentences: [
      'Nordic defence ministers met at Oslo City Hall on July 1.',
      'They pledged around 480 million euros.',
    ],
    meetingExcerpt: 'Nordic defence ministers met at Oslo City Hall on July 1.',
    pledge: { value: 480_000_000, approximate: true, excerpt: 'They pledged around 480 million euros.' },
  }),
  nordicMeeting({
    slug: 'nordic-gamma',
    publisher: 'Gamma Daily',
    publishedAt: '2025-07-03',
    meetingId: 'meeting:2025-06-30-nordic-defence-bergen',
    date: '2025-06-30',
    place: { id: 'place:bergen', name: 'Bergen' },
    sentences: [
      'Nordic defence ministers met in Bergen on June 30.',
      'Twelve nations were represented.',
      'They pledged 300 million euros.',
    ],
    meetingExcerpt: 'Nordic defence ministers met in Bergen on June 30.',
    pledge: { value: 300_000_000, excerpt: 'They pledged 300 million euros.' },
    nationsRepresented: 12,
  }),
];
const NORDIC = 'meeting:2025-06-30-nordic-defence-oslo';

const CONTRADICTIONS = `query Contradictions($filter: ContradictionFilter, $first: Int, $after: String) {
  contradictions(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes {
      kind field date
      subject { id }
      topic { id }
      sides { value facts { id } sources { id publisher } evidence { excerpt source { id } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Just enough to follow the order: a page of 100 with every side would be over the cost limit. */
const PAGE = `query Page($first: Int, $after: String) {
  contradictions(first: $first, after: $after) {
    totalCount
    nodes { kind date subject { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const HISTORY = `query History($holder: ID!, $topic: String!) {
  stanceHistory(holder: $holder, topic: $topic) {
    stance from until sourceCount
    positions { id date }
    evidence { excerpt source { publisher } }
  }
}`;

describe('corroboration, read side', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  async function importAll(documents: Data[]) {
    for (const document of documents) {
      const response = await api.query<Data>(
        'mutation ($document: JSONObject!) { importDocument(document: $document) { status } }',
        { document },
        as(keys.editor),
      );
      expect(response.errors).toBeUndefined();
    }
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
    await importAll([...STANCES, ...OFFICES, ...MEETINGS]);
  }, 180_000);
  afterAll(() => api.stop());

  describe('STANCE contradictions', () => {
    it('pairs opposite stances of one holder on one topic reported within 30 days, with who says what', async () => {
      const response = await api.query<Data>(CONTRADICTIONS, { filter: { kind: ['STANCE'] } });
      expect(response.errors).toBeUndefined();
      const found = response.data.contradictions.nodes.filter((c: Data) => c.subject.id === 'nation:nor');
      expect(found).toHaveLength(1);
      const [contradiction] = found;
      expect(contradiction).toMatchObject({
        kind: 'STANCE',
        field: 'STANCE',
        date: '2025-05-01',
        topic: { id: 'topic:reassurance-force' },
      });
      // August's support is months later: a change of mind, not a contradiction.
      expect(contradiction.sides).toEqual([
        {
          value: 'SUPPORTS',
          facts: [{ id: 'position:nor-supports-may' }],
          sources: [{ id: 'source:nor-supports-may', publisher: 'Alpha Wire' }],
          evidence: [
            { excerpt: 'it backs the reassurance force.', source: { id: 'source:nor-supports-may' } },
          ],
        },
        {
          value: 'OPPOSES',
          facts: [{ id: 'position:nor-opposes-may' }],
          sources: [{ id: 'source:nor-opposes-may', publisher: 'Beta News' }],
          evidence: [
            { excerpt: 'it opposes the reassurance force.', source: { id: 'source:nor-opposes-may' } },
          ],
        },
      ]);
    });

    it('reads one holder when asked for its contradictions only', async () => {
      const response = await api.query<Data>(CONTRADICTIONS, { filter: { subject: 'nation:nor' } });
      expect(response.errors).toBeUndefined();
      expect(response.data.contradictions.nodes.map((c: Data) => c.kind)).toEqual(['STANCE']);
      const none = await api.query<Data>(CONTRADICTIONS, {
        filter: { subject: 'nation:nor', to: '2025-04-30' },
      });
      expect(none.data.contradictions.totalCount).toBe(0);
    });
  });

  describe('OFFICE contradictions', () => {
    it('flags two titles for one nation within 30 days from different sources; synonyms agree', async () => {
      const response = await api.query<Data>(CONTRADICTIONS, { filter: { kind: ['OFFICE'] } });
      expect(response.errors).toBeUndefined();
      const { nodes } = response.data.contradictions;
      // Lars Berg's two offices come from one source naming both: held at once.
      expect(nodes.map((c: Data) => c.subject.id)).toEqual(['official:ingrid-vik']);
      const [contradiction] = nodes;
      expect(contradiction).toMatchObject({
        kind: 'OFFICE',
        field: 'TITLE',
        date: '2025-06-01',
        topic: null,
      });
      expect(contradiction.sides.map((side: Data) => side.value)).toEqual([
        'Defence Minister',
        'Foreign Minister',
      ]);
      // "Defense Secretary" is the same office as "Defence Minister": one side (the import may even
      // have made them one role), with both reports.
      expect(contradiction.sides[0].facts.map((f: Data) => f.id)).toContain(
        'role:ingrid-vik-defence-minister',
      );
      expect(contradiction.sides[0].sources.map((s: Data) => s.publisher)).toEqual([
        'Alpha Wire',
        'Delta Post',
      ]);
      expect(contradiction.sides[1].evidence).toEqual([
        { excerpt: 'Norwegian Foreign Minister Ingrid Vik', source: { id: 'source:vik-foreign' } },
      ]);
    });
  });

  describe("a meeting's claims and where they differ", () => {
    it('lists what each source says, by field then publication', async () => {
      const response = await api.query<Data>(
        `{ node(id: "${NORDIC}") { ... on Meeting { date sourceCount publisherCount firstReported lastReported
            claims(first: 100) { field value number unit approximate source { publisher } evidence { excerpt } } } } }`,
      );
      expect(response.errors).toBeUndefined();
      const meeting = response.data.node;
      // The first report's date stands; the others are claims.
      expect(meeting).toMatchObject({
        date: '2025-06-30',
        sourceCount: 3,
        publisherCount: 3,
        firstReported: '2025-07-01',
        lastReported: '2025-07-03',
      });
      const pledges = meeting.claims.filter((c: Data) => c.field === 'AMOUNT_PLEDGED');
      expect(pledges).toEqual([
        {
          field: 'AMOUNT_PLEDGED',
          value: '500000000',
          number: 500_000_000,
          unit: 'EUR',
          approximate: false,
          source: { publisher: 'Alpha Wire' },
          evidence: [{ excerpt: 'They pledged 500 million euros for air defence.' }],
        },
        expect.objectContaining({
          number: 480_000_000,
          approximate: true,
          source: { publisher: 'Beta News' },
        }),
        expect.objectContaining({
          number: 300_000_000,
          approximate: false,
          source: { publisher: 'Gamma Daily' },
        }),
      ]);
      const fields = meeting.claims.map((c: Data) => c.field);
      expect(fields).toEqual([...fields].sort());
      expect(meeting.claims.filter((c: Data) => c.field === 'DATE').map((c: Data) => c.value)).toEqual([
        '2025-06-30',
        '2025-07-01',
        '2025-06-30',
      ]);
    });

    it('finds FIGURE, DATE and PLACE contradictions; an approximate figure and a place within another agree', async () => {
      const response = await api.query<Data>(CONTRADICTIONS, { filter: { subject: NORDIC } });
      expect(response.errors).toBeUndefined();
      const byKind = Object.fromEntries(response.data.contradictions.nodes.map((c: Data) => [c.kind, c]));
      expect(Object.keys(byKind).sort()).toEqual(['DATE', 'FIGURE', 'PLACE']);
      const values = (kind: string) => byKind[kind].sides.map((side: Data) => side.value);
      expect(values('FIGURE')).toEqual(['500000000 EUR / around 480000000 EUR', '300000000 EUR']);
      expect(byKind.FIGURE).toMatchObject({
        field: 'AMOUNT_PLEDGED',
        date: '2025-06-30',
        subject: { id: NORDIC },
      });
      expect(values('DATE')).toEqual(['2025-06-30', '2025-07-01']);
      expect(byKind.DATE.sides[0].sources.map((s: Data) => s.publisher)).toEqual([
        'Alpha Wire',
        'Gamma Daily',
      ]);
      expect(values('PLACE')).toEqual(['place:oslo / place:oslo-city-hall', 'place:bergen']);
      expect(byKind.PLACE.sides[1].evidence).toEqual([
        {
          excerpt: 'Nordic defence ministers met in Bergen on June 30.',
          source: { id: 'source:nordic-gamma' },
        },
      ]);
      // Twelve nations by two reports: no contradiction on that figure.
      expect(response.data.contradictions.nodes.some((c: Data) => c.field === 'NATIONS_REPRESENTED')).toBe(
        false,
      );
    });

    it('filters by kind and by the meeting date', async () => {
      const figures = await api.query<Data>(CONTRADICTIONS, {
        filter: { kind: ['FIGURE'], from: '2025-06-30', to: '2025-06-30' },
      });
      expect(figures.data.contradictions.nodes.map((c: Data) => [c.kind, c.subject.id])).toEqual([
        ['FIGURE', NORDIC],
      ]);
      const later = await api.query<Data>(CONTRADICTIONS, {
        filter: { kind: ['FIGURE', 'DATE'], from: '2025-07-01' },
      });
      expect(later.data.contradictions.totalCount).toBe(0);
    });
  });

  describe('corroboration counts and the filters that read them', () => {
    it('counts sources, publishers and report dates on entities and facts', async () => {
      const response = await api.query<Data>(
        '{ nations(filter: { name: "Norway" }) { nodes { sourceCount publisherCount firstReported lastReported } } }',
      );
      expect(response.data.nations.nodes).toEqual([
        { sourceCount: 8, publisherCount: 4, firstReported: '2025-05-01', lastReported: '2025-08-20' },
      ]);
      const healey = await api.query<Data>(
        '{ node(id: "official:john-healey") { ... on Reported { sourceCount publisherCount firstReported lastReported } } }',
      );
      expect(healey.data.node).toEqual({
        sourceCount: 1,
        publisherCount: 1,
        firstReported: '2025-04-11',
        lastReported: '2025-04-11',
      });
    });

    it('reads the counts with the page: no round trip more per item', async () => {
      const plain = await api.query<Data>('{ positions(first: 50) { nodes { id holder { name } } } }');
      const counted = await api.query<Data>(
        '{ positions(first: 50) { nodes { id sourceCount publisherCount firstReported lastReported holder { name sourceCount } } } }',
      );
      expect(counted.errors).toBeUndefined();
      expect(counted.data.positions.nodes.length).toBeGreaterThan(5);
      expect((counted.extensions?.queryStats as Data).roundTrips).toBe(
        (plain.extensions?.queryStats as Data).roundTrips,
      );
    });

    it('minSources keeps what enough sources state, on every list', async () => {
      const nations = await api.query<Data>(
        '{ nations(filter: { minSources: 2 }) { totalCount nodes { name } } }',
      );
      expect(nations.data.nations.nodes.map((n: Data) => n.name)).toEqual(['Norway']);
      expect(nations.data.nations.totalCount).toBe(1);
      const meetings = await api.query<Data>('{ meetings(filter: { minSources: 3 }) { nodes { id } } }');
      expect(meetings.data.meetings.nodes).toEqual([{ id: NORDIC }]);
      const named = await api.query<Data>(
        '{ officials(filter: { name: "Vik", minSources: 3 }) { nodes { id } } }',
      );
      expect(named.data.officials.nodes).toEqual([{ id: 'official:ingrid-vik' }]);
      const topics = await api.query<Data>('{ topics(filter: { minSources: 2 }) { nodes { id } } }');
      expect(topics.errors).toBeUndefined();
    });

    it('minReliability keeps facts with a source of that grade or better; maxCredibility reads the rating', async () => {
      await api.api.db.write((tx) =>
        tx.run({
          cypher: "MATCH (p:Publisher {name: 'Beta News'}) SET p.reliability = 'B'",
          params: {},
        }),
      );
      await api.api.db.write((tx) =>
        tx.run({
          cypher: "MATCH (p:Position {id: 'position:nor-supports-may'}) SET p.credibility = 2",
          params: {},
        }),
      );
      const ids = async (filter: string) => {
        const response = await api.query<Data>(
          `{ positions(first: 100, filter: { holder: "nation:nor", ${filter} }) { nodes { id } } }`,
        );
        expect(response.errors).toBeUndefined();
        return response.data.positions.nodes.map((n: Data) => n.id);
      };
      expect(await ids('minReliability: B')).toEqual(['position:nor-opposes-may']);
      expect(await ids('minReliability: A')).toEqual([]);
      expect(await ids('minReliability: F')).toHaveLength(4);
      expect(await ids('maxCredibility: 2')).toEqual(['position:nor-supports-may']);
      expect(await ids('maxCredibility: 6')).toHaveLength(4);
      const meetings = await api.query<Data>('{ meetings(filter: { minReliability: B }) { nodes { id } } }');
      expect(meetings.data.meetings.nodes).toEqual([{ id: NORDIC }]);
    });

    it('refuses values that mean nothing, saying what would', async () => {
      const zero = await api.query<Data>('{ nations(filter: { minSources: 0 }) { totalCount } }');
      expect(errorCodes(zero)).toEqual(['BAD_USER_INPUT']);
      expect(zero.errors![0].message).toContain('`filter.minSources` must be 1 or more (got 0)');
      const seven = await api.query<Data>('{ statements(filter: { maxCredibility: 7 }) { totalCount } }');
      expect(errorCodes(seven)).toEqual(['BAD_USER_INPUT']);
      expect(seven.errors![0].message).toContain('`filter.maxCredibility` must be between 1');
    });
  });

  describe('the saved example (schema/examples/contradictions.graphql)', () => {
    it('shows each contradiction with its sides, sources and words', async () => {
      const example = readFileSync(
        path.join(__dirname, '..', 'schema', 'examples', 'contradictions.graphql'),
        'utf8',
      );
      const response = await api.query<Data>(example);
      expect(response.errors).toBeUndefined();
      const kinds = response.data.contradictions.nodes.map((c: Data) => `${c.kind} ${c.subject.id}`);
      expect(kinds).toEqual(
        expect.arrayContaining(['STANCE nation:nor', 'OFFICE official:ingrid-vik', `FIGURE ${NORDIC}`]),
      );
      const stance = response.data.contradictions.nodes.find((c: Data) => c.kind === 'STANCE');
      expect(stance).toMatchObject({ subject: { name: 'Norway' }, topic: { name: 'Reassurance force' } });
      expect(stance.sides[1]).toEqual({
        value: 'OPPOSES',
        sources: [{ publisher: 'Beta News', publishedAt: '2025-05-20' }],
        evidence: [{ excerpt: 'it opposes the reassurance force.' }],
      });
    });
  });

  describe('contradictions: paging and bad input', () => {
    it('pages in a stable order with cursors of its own', async () => {
      const all = await api.query<Data>(PAGE, { first: 100 });
      expect(all.errors).toBeUndefined();
      const expected = all.data.contradictions.nodes.map((c: Data) => `${c.kind} ${c.subject.id}`);
      expect(expected.length).toBeGreaterThanOrEqual(2);
      const dates = all.data.contradictions.nodes.map((c: Data) => c.date);
      expect([...dates].sort()).toEqual(dates);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const response: Data = await api.query<Data>(PAGE, { first: 1, after });
        expect(response.data.contradictions.totalCount).toBe(expected.length);
        seen.push(...response.data.contradictions.nodes.map((c: Data) => `${c.kind} ${c.subject.id}`));
        if (!response.data.contradictions.pageInfo.hasNextPage) break;
        after = response.data.contradictions.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('takes as many round trips for two contradictions as for all of them', async () => {
      const deep = `query Deep($first: Int) { contradictions(first: $first) { nodes { subject { id }
        sides { value facts(first: 5) { id ... on Position { holder { name } } ... on Role { nation { name } } }
          sources(first: 5) { publisher } evidence(first: 5) { excerpt source { publisher } } } } } }`;
      // The first two (a stance and an office) already reach every kind of fact and loader.
      const two = await api.query<Data>(deep, { first: 2 });
      expect(two.data.contradictions.nodes.map((c: Data) => c.subject.id)).toEqual([
        'nation:nor',
        'official:ingrid-vik',
      ]);
      const all = await api.query<Data>(deep, { first: 20 });
      expect(all.errors).toBeUndefined();
      expect(all.data.contradictions.nodes.length).toBeGreaterThan(2);
      expect((all.extensions?.queryStats as Data).roundTrips).toBe(
        (two.extensions?.queryStats as Data).roundTrips,
      );
    });

    it('refuses a subject that cannot be contradicted, and a cursor of another list', async () => {
      const topic = await api.query<Data>(CONTRADICTIONS, { filter: { subject: 'topic:reassurance-force' } });
      expect(errorCodes(topic)).toEqual(['BAD_USER_INPUT']);
      expect(topic.errors![0].message).toContain('must be the id of a meeting');
      const positions = await api.query<Data>('{ positions(first: 1) { pageInfo { endCursor } } }');
      const cursor = positions.data.positions.pageInfo.endCursor;
      const wrong = await api.query<Data>(CONTRADICTIONS, { after: cursor });
      expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
      const tooMany = await api.query<Data>(PAGE, { first: 101 });
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('stanceHistory', () => {
    it('cuts the positions into runs of one stance, in date order, with their evidence and sources', async () => {
      const response = await api.query<Data>(HISTORY, { holder: 'nation:nor', topic: 'reassurance force' });
      expect(response.errors).toBeUndefined();
      expect(response.data.stanceHistory).toEqual([
        {
          stance: 'SUPPORTS',
          from: '2025-05-01',
          until: '2025-05-01',
          sourceCount: 1,
          positions: [{ id: 'position:nor-supports-may', date: '2025-05-01' }],
          evidence: [{ excerpt: 'it backs the reassurance force.', source: { publisher: 'Alpha Wire' } }],
        },
        {
          stance: 'OPPOSES',
          from: '2025-05-20',
          until: '2025-05-20',
          sourceCount: 1,
          positions: [{ id: 'position:nor-opposes-may', date: '2025-05-20' }],
          evidence: [{ excerpt: 'it opposes the reassurance force.', source: { publisher: 'Beta News' } }],
        },
        {
          stance: 'SUPPORTS',
          from: '2025-08-01',
          until: '2025-08-20',
          sourceCount: 2,
          positions: [
            { id: 'position:nor-supports-aug', date: '2025-08-01' },
            { id: 'position:nor-pledges-aug', date: '2025-08-20' },
          ],
          evidence: [
            { excerpt: 'it backs the reassurance force again.', source: { publisher: 'Alpha Wire' } },
            { excerpt: 'it still backs the reassurance force.', source: { publisher: 'Gamma Daily' } },
          ],
        },
      ]);
    });

    it('includes narrower topics, and reads exactly the holder given', async () => {
      // The seed: the US refused the backstop, a topic narrower than US involvement.
      const us = await api.query<Data>(HISTORY, { holder: 'nation:usa', topic: 'US involvement' });
      expect(us.errors).toBeUndefined();
      expect(us.data.stanceHistory.map((change: Data) => change.stance)).toEqual(['REFUSES']);
      // Britain's officials took positions, Britain itself none on the force.
      const gbr = await api.query<Data>(HISTORY, { holder: 'nation:gbr', topic: 'reassurance force' });
      expect(gbr.data.stanceHistory).toEqual([]);
    });

    it('answers an unknown holder with NOT_FOUND and a non-actor with BAD_USER_INPUT', async () => {
      const unknown = await api.query<Data>(HISTORY, { holder: 'nation:xyz', topic: 'reassurance force' });
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      const topic = await api.query<Data>(HISTORY, {
        holder: 'topic:us-involvement',
        topic: 'reassurance force',
      });
      expect(errorCodes(topic)).toEqual(['BAD_USER_INPUT']);
      expect(topic.errors![0].message).toContain(
        '`holder` must be the id of a nation, official or organization',
      );
    });
  });

  describe('retracted facts never take part', () => {
    it('drops the contradiction and the run once a side is retracted', async () => {
      const retract = await api.query<Data>(
        'mutation { retract(id: "position:nor-opposes-may", reason: "misattributed") { id } }',
        {},
        as(keys.admin),
      );
      expect(retract.errors).toBeUndefined();
      const response = await api.query<Data>(CONTRADICTIONS, { filter: { subject: 'nation:nor' } });
      expect(response.data.contradictions.totalCount).toBe(0);
      const history = await api.query<Data>(HISTORY, { holder: 'nation:nor', topic: 'reassurance force' });
      expect(history.data.stanceHistory.map((c: Data) => [c.stance, c.positions.length])).toEqual([
        ['SUPPORTS', 3],
      ]);
    });
  });
});
