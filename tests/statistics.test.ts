/**
 * `timeSeries` and `countBy` against the real Neo4j: numbers worked out by hand from the seed
 * document, then a small synthetic fixture for the calendar edges, the filters' rules and the
 * errors an analyst can run into.
 */
import type { CypherQuery } from '../src/graph/cypher';
import { Label } from '../src/graph/model';
import { dailyFactCountsQuery, factCountsByGroupQuery } from '../src/modules/statistics/fact-counts.cypher';
import { CountGrouping, FactMeasure } from '../src/modules/statistics/statistics.type';
import { explainOperators, scans } from './helpers/explain';
import { errorCodes } from './helpers/graphql';
import { loadSyntheticGraph } from './helpers/synthetic';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const TIME_SERIES = `query Series($measure: FactMeasure!, $interval: TimeInterval!, $from: Date!, $to: Date!, $groupBy: CountGrouping, $filter: FactCountFilter) {
  timeSeries(measure: $measure, interval: $interval, from: $from, to: $to, groupBy: $groupBy, filter: $filter) {
    measure interval from to total
    buckets { start end label count groups { key label count } groupsLeftOut }
  }
}`;
const COUNT_BY = `query Count($measure: FactMeasure!, $groupBy: CountGrouping!, $filter: FactCountFilter) {
  countBy(measure: $measure, groupBy: $groupBy, filter: $filter) { key label count }
}`;

/** [start, end, count] of each bucket, for compact expectations. */
function spans(series: Data): [string, string, number][] {
  return series.buckets.map((bucket: Data) => [bucket.start, bucket.end, bucket.count]);
}

function keyCounts(groups: Data[]): [string, number][] {
  return groups.map((group) => [group.key, group.count]);
}

let api: TestApi;
const keys = testKeys();

beforeAll(async () => {
  api = await startTestApi({ env: { API_KEYS: keys.env } });
}, 180_000);
afterAll(() => api.stop());

async function series(variables: Record<string, unknown>): Promise<Data> {
  const response = await api.query<Data>(TIME_SERIES, variables);
  expect(response.errors).toBeUndefined();
  return response.data.timeSeries;
}

async function counts(variables: Record<string, unknown>): Promise<[string, number][]> {
  const response = await api.query<Data>(COUNT_BY, variables);
  expect(response.errors).toBeUndefined();
  return keyCounts(response.data.countBy);
}

describe('timeSeries and countBy on the seed document', () => {
  it('counts the two meetings per day, split by the nations taking part', async () => {
    // The seed has two meetings: the coalition's on 2025-04-10 (participants: the coalition, Healey
    // of GBR, Häkkänen of FIN, Jonson of SWE) and the contact group's on 2025-04-11 (chairs: GBR and
    // DEU). Days 04-09 and 04-12 are empty; total 1 + 1 = 2.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'DAY',
      from: '2025-04-09',
      to: '2025-04-12',
      groupBy: 'NATION',
    });
    expect(result.total).toBe(2);
    expect(spans(result)).toEqual([
      ['2025-04-09', '2025-04-09', 0],
      ['2025-04-10', '2025-04-10', 1],
      ['2025-04-11', '2025-04-11', 1],
      ['2025-04-12', '2025-04-12', 0],
    ]);
    // One meeting, three nations: each counts it once, so the groups add up to 3, the count to 1.
    expect(keyCounts(result.buckets[1].groups)).toEqual([
      ['nation:fin', 1],
      ['nation:gbr', 1],
      ['nation:swe', 1],
    ]);
    expect(keyCounts(result.buckets[2].groups)).toEqual([
      ['nation:deu', 1],
      ['nation:gbr', 1],
    ]);
  });

  it("a nation's monthly meetings include those of its officials", async () => {
    // Britain: Healey attended the 04-10 meeting, Britain chaired the 04-11 one: April = 2.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2025-01-01',
      to: '2025-06-30',
      filter: { actor: 'nation:gbr' },
    });
    expect(result.buckets.map((bucket: Data) => [bucket.label, bucket.count])).toEqual([
      ['2025-01', 0],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 2],
      ['2025-05', 0],
      ['2025-06', 0],
    ]);
    expect(result.buckets[3]).toMatchObject({ start: '2025-04-01', end: '2025-04-30' });
  });

  it('positions per ISO week by stance, undated positions left out', async () => {
    // Nine positions; Starmer's and Trump's are undated, so 7 count. 04-10: Häkkänen and Jonson
    // STRESSES, Healey SUPPORTS; 04-11: the US REFUSES, the coalition HESITANT and SUPPORTS twice.
    // All seven fall in the week Monday 04-07 to Sunday 04-13: SUPPORTS 1 + 2 = 3, STRESSES 2,
    // HESITANT 1, REFUSES 1. April 1 is a Tuesday, so the first week is clipped to 04-01..04-06.
    const result = await series({
      measure: 'POSITIONS',
      interval: 'WEEK',
      from: '2025-04-01',
      to: '2025-04-30',
      groupBy: 'STANCE',
    });
    expect(result.total).toBe(7);
    expect(spans(result)).toEqual([
      ['2025-04-01', '2025-04-06', 0],
      ['2025-04-07', '2025-04-13', 7],
      ['2025-04-14', '2025-04-20', 0],
      ['2025-04-21', '2025-04-27', 0],
      ['2025-04-28', '2025-04-30', 0],
    ]);
    expect(result.buckets[1].label).toBe('2025-W15');
    expect(keyCounts(result.buckets[1].groups)).toEqual([
      ['SUPPORTS', 3],
      ['STRESSES', 2],
      ['HESITANT', 1],
      ['REFUSES', 1],
    ]);
  });

  it('countBy counts undated facts too, unless a date bound is given', async () => {
    // Statements by speaker's nation: Healey 5 + Starmer 1 (undated) = GBR 6; Jonson 2 = SWE;
    // Häkkänen 1 = FIN.
    expect(await counts({ measure: 'STATEMENTS', groupBy: 'NATION' })).toEqual([
      ['nation:gbr', 6],
      ['nation:swe', 2],
      ['nation:fin', 1],
    ]);
    // From 2025-01-01 Starmer's undated statement drops out: GBR 5.
    expect(
      await counts({ measure: 'STATEMENTS', groupBy: 'NATION', filter: { from: '2025-01-01' } }),
    ).toEqual([
      ['nation:gbr', 5],
      ['nation:swe', 2],
      ['nation:fin', 1],
    ]);
  });

  it('countBy stance on a topic includes its narrower topics', async () => {
    // US involvement: Häkkänen and Jonson STRESSES it; under its narrower "US security backstop",
    // Starmer STRESSES (undated) and the US REFUSES. STRESSES 2 + 1 = 3, REFUSES 1.
    expect(
      await counts({ measure: 'POSITIONS', groupBy: 'STANCE', filter: { topic: 'topic:us-involvement' } }),
    ).toEqual([
      ['STRESSES', 3],
      ['REFUSES', 1],
    ]);
    // Every position by stance: STRESSES 3, SUPPORTS 3 (Healey, the coalition twice), then one
    // each of HESITANT, PLEDGES, REFUSES, by key: 3 + 3 + 1 + 1 + 1 = 9 positions.
    expect(await counts({ measure: 'POSITIONS', groupBy: 'STANCE' })).toEqual([
      ['STRESSES', 3],
      ['SUPPORTS', 3],
      ['HESITANT', 1],
      ['PLEDGES', 1],
      ['REFUSES', 1],
    ]);
  });

  it('counts meetings by the organizations taking part, with their names', async () => {
    // Only the coalition takes part in a meeting (04-10); the contact group convened the other
    // but neither attended nor chaired it.
    const response = await api.query<Data>(COUNT_BY, { measure: 'MEETINGS', groupBy: 'ORGANIZATION' });
    expect(response.data.countBy).toEqual([
      { key: 'organization:coalition-of-the-willing', label: 'Coalition of the willing', count: 1 },
    ]);
  });

  it('answers in one round trip', async () => {
    const response = await api.query<Data>(TIME_SERIES, {
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: 'TOPIC',
      filter: { actor: 'nation:gbr' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.queryStats).toMatchObject({ roundTrips: 1 });
  });
});

/*
 * Synthetic fixture (invented for this test, not a real report): France with its official Anne,
 * Germany, a trade club, a topic "Trade" with a narrower "Tariffs", and "Fisheries".
 * Meetings: 2024-12-29 (Sun, ISO week 2024-W52) France, about Trade; 2024-12-30 (Mon, 2025-W01)
 * Anne and the trade club, about Tariffs; 2025-01-05 (Sun, 2025-W01) Germany, chaired by France,
 * about Fisheries; 2025-02-14 Germany, about Trade, RETRACTED below; 2025-03-31 Anne and Germany,
 * about Tariffs. Statements: Anne 2025-01-15 (Tariffs), Germany 2025-03-01 (Fisheries), France
 * undated (Trade). Positions: France SUPPORTS Trade 2025-01-15, Anne OPPOSES Tariffs 2025-03-01,
 * Germany SUPPORTS Fisheries 2025-03-31.
 */
const ANNE = 'official:test-stats-anne';
const SENTENCES = {
  anne: 'Synthetic fixture: Anne, a French minister.',
  club: 'The Trade Club is a group of traders.',
  trade: 'Trade was discussed.',
  tariffs: 'Tariffs, a trade matter, were discussed.',
  fisheries: 'Fisheries were discussed.',
  m1: 'France met on December 29 about trade.',
  m2: 'Anne and the Trade Club met on December 30 about tariffs.',
  m3: 'Germany met on January 5 about fisheries, with France in the chair.',
  m4: 'Germany met on February 14 about trade.',
  m5: 'Anne and Germany met on March 31 about tariffs.',
  s1: 'Anne said on January 15 that tariffs must fall.',
  s2: 'Germany said on March 1 that fish stocks matter.',
  s3: 'France once said that trade is good.',
  p1: 'France backed trade on January 15.',
  p2: 'Anne opposed tariffs on March 1.',
  p3: 'Germany backed the fisheries plan on March 31.',
};

function syntheticMeeting(
  id: string,
  date: string,
  participants: string[],
  chairs: string[],
  topic: string,
  excerpt: string,
) {
  return {
    id,
    title: excerpt,
    date,
    status: 'HELD',
    convenedBy: [],
    chairs,
    participants,
    topics: [topic],
    evidence: [{ excerpt }],
  };
}

function syntheticDocument() {
  const topic = (id: string, name: string, excerpt: string, broader?: string) => ({
    id,
    name,
    aliases: [],
    ...(broader ? { broader } : {}),
    evidence: [{ excerpt }],
  });
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:2025-04-01-synthetic-statistics',
      title: 'Synthetic statistics fixture',
      publisher: 'Synthetic Wire',
      publishedAt: '2025-04-01',
      text: Object.values(SENTENCES).join(' '),
    },
    officials: [
      {
        id: ANNE,
        name: 'Anne',
        aliases: [],
        nation: 'nation:fra',
        roles: [],
        evidence: [{ excerpt: SENTENCES.anne }],
      },
    ],
    organizations: [
      {
        id: 'organization:test-stats-trade-club',
        name: 'Trade Club',
        aliases: [],
        kind: 'OTHER',
        evidence: [{ excerpt: SENTENCES.club }],
      },
    ],
    topics: [
      topic('topic:test-stats-trade', 'Trade', SENTENCES.trade),
      topic('topic:test-stats-tariffs', 'Tariffs', SENTENCES.tariffs, 'topic:test-stats-trade'),
      topic('topic:test-stats-fisheries', 'Fisheries', SENTENCES.fisheries),
    ],
    meetings: [
      syntheticMeeting(
        'meeting:2024-12-29-test-stats',
        '2024-12-29',
        ['nation:fra'],
        [],
        'topic:test-stats-trade',
        SENTENCES.m1,
      ),
      syntheticMeeting(
        'meeting:2024-12-30-test-stats',
        '2024-12-30',
        [ANNE, 'organization:test-stats-trade-club'],
        [],
        'topic:test-stats-tariffs',
        SENTENCES.m2,
      ),
      syntheticMeeting(
        'meeting:2025-01-05-test-stats',
        '2025-01-05',
        ['nation:deu'],
        ['nation:fra'],
        'topic:test-stats-fisheries',
        SENTENCES.m3,
      ),
      syntheticMeeting(
        'meeting:2025-02-14-test-stats',
        '2025-02-14',
        ['nation:deu'],
        [],
        'topic:test-stats-trade',
        SENTENCES.m4,
      ),
      syntheticMeeting(
        'meeting:2025-03-31-test-stats',
        '2025-03-31',
        [ANNE, 'nation:deu'],
        [],
        'topic:test-stats-tariffs',
        SENTENCES.m5,
      ),
    ],
    statements: [
      {
        id: 'statement:test-stats-s1',
        speaker: ANNE,
        date: '2025-01-15',
        topic: 'topic:test-stats-tariffs',
        excerpt: SENTENCES.s1,
      },
      {
        id: 'statement:test-stats-s2',
        speaker: 'nation:deu',
        date: '2025-03-01',
        topic: 'topic:test-stats-fisheries',
        excerpt: SENTENCES.s2,
      },
      {
        id: 'statement:test-stats-s3',
        speaker: 'nation:fra',
        topic: 'topic:test-stats-trade',
        excerpt: SENTENCES.s3,
      },
    ].map(({ id, speaker, date, topic: about, excerpt }) => ({
      id,
      kind: 'PARAPHRASE',
      text: excerpt,
      speaker,
      ...(date ? { date } : {}),
      topics: [about],
      evidence: [{ excerpt }],
    })),
    positions: [
      {
        id: 'position:test-stats-p1',
        stance: 'SUPPORTS',
        holder: 'nation:fra',
        topic: 'topic:test-stats-trade',
        date: '2025-01-15',
        excerpt: SENTENCES.p1,
      },
      {
        id: 'position:test-stats-p2',
        stance: 'OPPOSES',
        holder: ANNE,
        topic: 'topic:test-stats-tariffs',
        date: '2025-03-01',
        excerpt: SENTENCES.p2,
      },
      {
        id: 'position:test-stats-p3',
        stance: 'SUPPORTS',
        holder: 'nation:deu',
        topic: 'topic:test-stats-fisheries',
        date: '2025-03-31',
        excerpt: SENTENCES.p3,
      },
    ].map(({ excerpt, ...position }) => ({
      ...position,
      summary: excerpt,
      statements: [],
      evidence: [{ excerpt }],
    })),
  };
}

const IMPORT = 'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }';
const RETRACT = 'mutation Retract($id: String!) { retract(id: $id, reason: "synthetic test") { id } }';

describe('timeSeries and countBy on a synthetic fixture', () => {
  beforeAll(async () => {
    // The seed's nations stay (France and Germany); everything else makes way for the fixture.
    await api.api.db.write((tx) =>
      tx.run({ cypher: 'MATCH (n) WHERE NOT n:Nation DETACH DELETE n', params: {} }),
    );
    const admin = { authorization: `Bearer ${keys.admin}` };
    for (const [query, variables] of [
      [IMPORT, { document: syntheticDocument() }],
      [RETRACT, { id: 'meeting:2025-02-14-test-stats' }],
    ] as const) {
      const response = await api.query(query, variables, admin);
      expect(response.errors).toBeUndefined();
    }
  });

  it('lists empty months with 0, counts both edge days, leaves the retracted meeting out', async () => {
    // Dec 29..31: the 12-29 (first day) and 12-30 meetings = 2; Jan: 01-05 = 1; Feb: the 02-14
    // meeting is retracted = 0; Mar: 03-31 (last day) = 1; Apr (empty) = 0. Total 4.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2024-12-29',
      to: '2025-04-15',
    });
    expect(spans(result)).toEqual([
      ['2024-12-29', '2024-12-31', 2],
      ['2025-01-01', '2025-01-31', 1],
      ['2025-02-01', '2025-02-28', 0],
      ['2025-03-01', '2025-03-31', 1],
      ['2025-04-01', '2025-04-15', 0],
    ]);
    expect(result.total).toBe(4);
    // The retracted meeting is still in the graph (for the audit trail): it is left out, not gone.
    const [stored] = await api.api.db.read({
      cypher:
        "MATCH (m:Meeting {id: 'meeting:2025-02-14-test-stats'}) RETURN m.retractedAt IS NOT NULL AS retracted",
      params: {},
    });
    expect(stored.retracted).toBe(true);
    // A range of one day that holds a fact counts it: the edges are inclusive.
    expect(
      spans(await series({ measure: 'MEETINGS', interval: 'DAY', from: '2025-03-31', to: '2025-03-31' })),
    ).toEqual([['2025-03-31', '2025-03-31', 1]]);
  });

  it("narrows the facts by the filter's dates while the buckets still cover from..to", async () => {
    // From 2025-01-01 on: the two December meetings drop out, December stays listed with 0.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2024-12-01',
      to: '2025-03-31',
      filter: { from: '2025-01-01' },
    });
    expect(result.buckets.map((b: Data) => [b.label, b.count])).toEqual([
      ['2024-12', 0],
      ['2025-01', 1],
      ['2025-02', 0],
      ['2025-03', 1],
    ]);
    expect(result.total).toBe(2);
  });

  it('cuts ISO weeks Monday to Sunday across the year boundary', async () => {
    // Sat 12-28..Sun 12-29 (2024-W52): the 12-29 meeting; Mon 12-30..Sun 01-05 (2025-W01): the
    // 12-30 and 01-05 meetings; Mon 01-06 (2025-W02, clipped): none.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'WEEK',
      from: '2024-12-28',
      to: '2025-01-06',
    });
    expect(result.buckets.map((b: Data) => [b.label, b.start, b.end, b.count])).toEqual([
      ['2024-W52', '2024-12-28', '2024-12-29', 1],
      ['2025-W01', '2024-12-30', '2025-01-05', 2],
      ['2025-W02', '2025-01-06', '2025-01-06', 0],
    ]);
  });

  it("a nation's counts include its official's facts", async () => {
    // France: 12-29 (itself), 12-30 (Anne), 01-05 (chair), 03-31 (Anne) = Dec 2, Jan 1, Feb 0, Mar 1.
    const france = await series({
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2024-12-01',
      to: '2025-03-31',
      filter: { actor: 'nation:fra' },
    });
    expect(france.buckets.map((b: Data) => b.count)).toEqual([2, 1, 0, 1]);
    // Anne alone: 12-30 and 03-31.
    const anne = await series({
      measure: 'MEETINGS',
      interval: 'MONTH',
      from: '2024-12-01',
      to: '2025-03-31',
      filter: { actor: ANNE },
    });
    expect(anne.buckets.map((b: Data) => b.count)).toEqual([1, 0, 0, 1]);
    // France's statements by topic: Anne's on Tariffs, France's undated one on Trade.
    expect(
      await counts({ measure: 'STATEMENTS', groupBy: 'TOPIC', filter: { actor: 'nation:fra' } }),
    ).toEqual([
      ['topic:test-stats-tariffs', 1],
      ['topic:test-stats-trade', 1],
    ]);
    // From 2025-01-01 on, France's undated statement drops out (its link's key '~' sorts after
    // every date, so only the date check on the statement leaves it out).
    expect(
      await counts({
        measure: 'STATEMENTS',
        groupBy: 'TOPIC',
        filter: { actor: 'nation:fra', from: '2025-01-01' },
      }),
    ).toEqual([['topic:test-stats-tariffs', 1]]);
  });

  it('a topic includes its narrower topics; groups are the facts own topics', async () => {
    // About Trade: 12-29 (Trade), 12-30 and 03-31 (Tariffs, narrower); 02-14 is retracted.
    expect(
      await counts({ measure: 'MEETINGS', groupBy: 'TOPIC', filter: { topic: 'topic:test-stats-trade' } }),
    ).toEqual([
      ['topic:test-stats-tariffs', 2],
      ['topic:test-stats-trade', 1],
    ]);
    // And on a time axis, with a nation: France's meetings on Trade are 12-29 and 12-30 (Anne), 03-31 (Anne).
    const result = await series({
      measure: 'MEETINGS',
      interval: 'YEAR',
      from: '2024-01-01',
      to: '2025-12-31',
      filter: { actor: 'nation:fra', topic: 'topic:test-stats-trade' },
    });
    expect(spans(result)).toEqual([
      ['2024-01-01', '2024-12-31', 2],
      ['2025-01-01', '2025-12-31', 1],
    ]);
  });

  it('a fact with several nations counts once in each, once in the bucket', async () => {
    // 03-31: Anne (France) and Germany: one meeting, two groups.
    const result = await series({
      measure: 'MEETINGS',
      interval: 'DAY',
      from: '2025-03-31',
      to: '2025-03-31',
      groupBy: 'NATION',
    });
    expect(result.buckets[0].count).toBe(1);
    expect(keyCounts(result.buckets[0].groups)).toEqual([
      ['nation:deu', 1],
      ['nation:fra', 1],
    ]);
    // In all: France 12-29, 12-30, 01-05, 03-31 = 4; Germany 01-05, 03-31 = 2 (02-14 retracted).
    expect(await counts({ measure: 'MEETINGS', groupBy: 'NATION' })).toEqual([
      ['nation:fra', 4],
      ['nation:deu', 2],
    ]);
    expect(await counts({ measure: 'MEETINGS', groupBy: 'ORGANIZATION' })).toEqual([
      ['organization:test-stats-trade-club', 1],
    ]);
  });

  it('filters positions by stance', async () => {
    // SUPPORTS: France 01-15, Germany 03-31; Anne's OPPOSES is left out.
    expect(await counts({ measure: 'POSITIONS', groupBy: 'NATION', filter: { stance: 'SUPPORTS' } })).toEqual(
      [
        ['nation:deu', 1],
        ['nation:fra', 1],
      ],
    );
    const result = await series({
      measure: 'POSITIONS',
      interval: 'MONTH',
      from: '2025-01-01',
      to: '2025-03-31',
      groupBy: 'STANCE',
    });
    expect(result.buckets.map((b: Data) => keyCounts(b.groups))).toEqual([
      [['SUPPORTS', 1]],
      [],
      [
        ['OPPOSES', 1],
        ['SUPPORTS', 1],
      ],
    ]);
  });

  describe('refuses a bad request with one clear error', () => {
    const base = { measure: 'MEETINGS', interval: 'MONTH', from: '2025-01-01', to: '2025-03-31' };

    async function refusal(query: string, variables: Record<string, unknown>) {
      const response = await api.query<Data>(query, variables);
      expect(response.errors).toHaveLength(1);
      return { code: errorCodes(response)[0], message: response.errors![0].message };
    }

    it.each([
      [
        'an inverted range',
        TIME_SERIES,
        { ...base, from: '2025-03-01', to: '2025-01-01' },
        '`from` (2025-03-01) is after `to` (2025-01-01): give a range that starts on or before its end.',
      ],
      [
        'an inverted filter range',
        COUNT_BY,
        { measure: 'MEETINGS', groupBy: 'NATION', filter: { from: '2025-03-01', to: '2025-01-01' } },
        '`filter.from` (2025-03-01) is after `filter.to` (2025-01-01): give a range that starts on or before its end.',
      ],
      [
        'too many buckets',
        TIME_SERIES,
        { ...base, interval: 'DAY', from: '2020-01-01', to: '2025-12-31' },
        '2020-01-01 to 2025-12-31 by DAY makes 2192 buckets, over the limit of 1000: use interval WEEK or wider, or shorten the range.',
      ],
      [
        'STANCE grouping of meetings',
        TIME_SERIES,
        { ...base, groupBy: 'STANCE' },
        'Only positions have a stance: groupBy STANCE needs measure POSITIONS; group MEETINGS by NATION, ORGANIZATION or TOPIC.',
      ],
      [
        'a stance filter on statements',
        COUNT_BY,
        { measure: 'STATEMENTS', groupBy: 'NATION', filter: { stance: 'SUPPORTS' } },
        '`filter.stance` applies to positions only: use measure POSITIONS, or leave out the stance to count STATEMENTS.',
      ],
      [
        'an actor id that is no actor',
        COUNT_BY,
        { measure: 'MEETINGS', groupBy: 'NATION', filter: { actor: 'topic:test-stats-trade' } },
        '`filter.actor` must be the id of a nation, official or organization (e.g. nation:gbr).',
      ],
    ])('%s', async (_name, query, variables, message) => {
      expect(await refusal(query, variables)).toEqual({ code: 'BAD_USER_INPUT', message });
    });

    it('an unknown interval', async () => {
      const { code, message } = await refusal(TIME_SERIES, { ...base, interval: 'FORTNIGHT' });
      expect(code).toBe('BAD_USER_INPUT');
      expect(message).toContain('"FORTNIGHT" does not exist in "TimeInterval" enum');
    });

    it('an unknown actor or topic is NOT_FOUND, not a silent zero', async () => {
      expect(await refusal(TIME_SERIES, { ...base, filter: { actor: 'nation:zzz' } })).toEqual({
        code: 'NOT_FOUND',
        message: 'No actor has the id "nation:zzz".',
      });
      expect(
        await refusal(COUNT_BY, {
          measure: 'MEETINGS',
          groupBy: 'TOPIC',
          filter: { topic: 'topic:nothing' },
        }),
      ).toEqual({
        code: 'NOT_FOUND',
        message: 'No topic has the id "topic:nothing".',
      });
    });
  });
});

describe('the counting reads start from an index (EXPLAIN on a generated synthetic graph)', () => {
  const none = { actor: null, topic: null, stance: null, from: null, to: null };
  const range = { from: '2024-01-05', to: '2024-02-10' };
  const reads: [string, CypherQuery][] = [
    ...Object.values(FactMeasure).map((measure): [string, CypherQuery] => [
      `${measure} per day in a range`,
      dailyFactCountsQuery({ ...none, ...range, measure }, CountGrouping.NATION),
    ]),
    [
      "a nation's meetings per day",
      dailyFactCountsQuery(
        {
          ...none,
          ...range,
          measure: FactMeasure.MEETINGS,
          actor: { id: 'nation:xab', label: Label.Nation },
        },
        CountGrouping.TOPIC,
      ),
    ],
    [
      'statements on a topic per day',
      dailyFactCountsQuery(
        { ...none, ...range, measure: FactMeasure.STATEMENTS, topic: 'topic:trade' },
        null,
      ),
    ],
    [
      'positions of a stance by nation',
      factCountsByGroupQuery(
        { ...none, measure: FactMeasure.POSITIONS, stance: 'REFUSES' },
        CountGrouping.NATION,
        100,
      ),
    ],
    [
      'meetings since a date by organization',
      factCountsByGroupQuery(
        { ...none, measure: FactMeasure.MEETINGS, from: '2024-02-01' },
        CountGrouping.ORGANIZATION,
        100,
      ),
    ],
  ];

  beforeAll(async () => {
    await loadSyntheticGraph(api.api, { documents: 30, nations: 30, officialsPerNation: 3 });
  }, 180_000);

  const explain = (query: CypherQuery) => explainOperators(api.api.db, query);

  it('recognises a scan when there is one (control: countBy without a filter counts every meeting)', async () => {
    const all = factCountsByGroupQuery({ ...none, measure: FactMeasure.MEETINGS }, CountGrouping.NATION, 100);
    expect(scans(await explain(all))).toEqual(['NodeByLabelScan']);
  });

  it.each(reads)('%s', async (_name, query) => {
    expect(scans(await explain(query))).toEqual([]);
  });

  it("seeks an actor's dated facts in its links' (actorId, timelineKey) index", async () => {
    const ops = await explain(reads[3][1]);
    expect(ops.filter((op) => op.includes('RelationshipIndexSeek')).length).toBeGreaterThan(0);
  });

  it('seeks a date range in the date index when nothing narrower is given', async () => {
    for (const [, query] of reads.slice(0, 3)) {
      expect(await explain(query)).toContain('NodeIndexSeekByRange');
    }
  });
});
