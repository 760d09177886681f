/**
 * Actor networks and their measures against the real Neo4j: the seed document, a small synthetic
 * fixture (a path a–b–c plus a triangle d–e–f) whose measures are worked out by hand below, and the
 * GraphML and GEXF exports over real HTTP, read back by graphology's own parsers.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { MAX_NETWORK_SIZE } from '../src/modules/network/network.cypher';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { loadSyntheticNetwork } from './helpers/network-documents';
import { resetGraph, startTestApi, testKeys, type TestApi } from './helpers/start-api';

interface NetworkAnswer {
  kind: string;
  from: string | null;
  to: string | null;
  nodes: {
    id: string;
    name: string | null;
    type: string;
    degree: number;
    weightedDegree: number;
    betweenness: number;
    community: number;
  }[];
  edges: { source: string; target: string; weight: number }[];
}

const FIELDS =
  'kind from to nodes { id name type degree weightedDegree betweenness community } edges { source target weight }';
const NETWORK = `query ($kind: NetworkKind!, $from: Date, $to: Date, $actors: [ID!], $topic: ID) {
  network(kind: $kind, from: $from, to: $to, actors: $actors, topic: $topic) { ${FIELDS} } }`;
const EGO = `query ($actor: ID!, $depth: Int, $kind: NetworkKind! = CO_ATTENDANCE, $from: Date, $to: Date) {
  egoNetwork(actor: $actor, depth: $depth, kind: $kind, from: $from, to: $to) { ${FIELDS} } }`;

let api: TestApi;
const keys = testKeys();
const asReader = { authorization: `Bearer ${keys.reader}` };

async function network(
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<{ network: NetworkAnswer }>> {
  return api.query<{ network: NetworkAnswer }>(NETWORK, variables, asReader);
}

async function ego(
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<{ egoNetwork: NetworkAnswer }>> {
  return api.query<{ egoNetwork: NetworkAnswer }>(EGO, variables, asReader);
}

/** Each node's measures by id, rounded for comparison with the hand-worked values. */
function measures(answer: NetworkAnswer) {
  return Object.fromEntries(
    answer.nodes.map((node) => [
      node.id,
      [node.degree, node.weightedDegree, Number(node.betweenness.toFixed(4)), node.community],
    ]),
  );
}

function edgeList(answer: NetworkAnswer): string[] {
  return answer.edges.map((edge) => `${edge.source} ${edge.target} ${edge.weight}`);
}

function exportUrl(format: 'graphml' | 'gexf', query: string): string {
  return `${api.url}/export/network.${format}?${query}`;
}

async function fetchError(url: string) {
  const response = await fetch(url, { headers: asReader });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as { errors: { message: string; extensions: { code: string } }[] },
  };
}

beforeAll(async () => {
  api = await startTestApi({ env: { API_KEYS: keys.env, REQUIRE_KEY_FOR_READS: 'true' } });
  // Generous: on a busy machine starting the API and loading the seed can take over a minute.
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('on the seed document', () => {
  // Meeting 1 (Brussels, Apr 10): the coalition, Healey (GBR), Häkkänen (FIN) and Jonson (SWE)
  // took part; meeting 2 (Apr 11): Britain and Germany chair. Officials count as their nations, so
  // the network is the four of meeting 1 all linked (6 links) plus GBR–DEU: 5 nodes, 7 links of
  // weight 1. GBR is on the only shortest path from DEU to each of the 3 others: 3 of the
  // C(4,2) = 6 pairs of other nodes, so betweenness 3/6 = 0.5; every other node 0.
  // Louvain (m = 7, 2m = 14, degrees GBR 4, DEU 1, FIN/SWE/coalition 3): {GBR, DEU} gives
  // 1/7 - (5/14)^2 = 0.0153 and {FIN, SWE, coalition} 3/7 - (9/14)^2 = 0.0153, Q = 0.0306 > 0,
  // while all in one community is Q = 0 and splitting DEU off alone is -0.0102. Communities are
  // numbered by smallest id: nation:deu's is 0, nation:fin's is 1.
  const SEED_MEASURES = {
    'nation:deu': [1, 1, 0, 0],
    'nation:fin': [3, 3, 0, 1],
    'nation:gbr': [4, 4, 0.5, 0],
    'nation:swe': [3, 3, 0, 1],
    'organization:coalition-of-the-willing': [3, 3, 0, 1],
  };

  it('links nations (through their officials) and organizations that met, with hand-worked measures', async () => {
    const response = await network({ kind: 'CO_ATTENDANCE' });
    expect(response.errors).toBeUndefined();
    const answer = response.data!.network;
    expect(measures(answer)).toEqual(SEED_MEASURES);
    expect(edgeList(answer)).toEqual([
      'nation:deu nation:gbr 1',
      'nation:fin nation:gbr 1',
      'nation:fin nation:swe 1',
      'nation:fin organization:coalition-of-the-willing 1',
      'nation:gbr nation:swe 1',
      'nation:gbr organization:coalition-of-the-willing 1',
      'nation:swe organization:coalition-of-the-willing 1',
    ]);
    expect(answer.nodes.find((node) => node.id === 'nation:gbr')).toMatchObject({
      name: 'United Kingdom',
      type: 'Nation',
    });
    // No official appears: each counts as the nation on record.
    expect(answer.nodes.some((node) => node.type === 'Official')).toBe(false);
  });

  it('keeps to the period', async () => {
    const response = await network({ kind: 'CO_ATTENDANCE', from: '2025-04-11', to: '2025-04-11' });
    const answer = response.data!.network;
    expect(answer).toMatchObject({ from: '2025-04-11', to: '2025-04-11' });
    // Only meeting 2: DEU–GBR; with 2 nodes there are no pairs of others, so betweenness is 0.
    expect(measures(answer)).toEqual({ 'nation:deu': [1, 1, 0, 0], 'nation:gbr': [1, 1, 0, 0] });
  });

  it('links actors that took the same stance on the same topic', async () => {
    // Häkkänen (FIN) and Jonson (SWE) both STRESS US involvement; no other (topic, stance) is shared.
    const response = await network({ kind: 'CO_STANCE' });
    expect(edgeList(response.data!.network)).toEqual(['nation:fin nation:swe 1']);
    const onTopic = await network({ kind: 'CO_STANCE', topic: 'topic:us-involvement' });
    expect(edgeList(onTopic.data!.network)).toEqual(['nation:fin nation:swe 1']);
    const elsewhere = await network({ kind: 'CO_STANCE', topic: 'topic:ceasefire-and-peace' });
    expect(elsewhere.data!.network).toMatchObject({ nodes: [], edges: [] });
  });

  it('gives an ego network around an official as their nation’s', async () => {
    const one = await ego({ actor: 'nation:deu' });
    expect(edgeList(one.data!.egoNetwork)).toEqual(['nation:deu nation:gbr 1']);
    const two = await ego({ actor: 'nation:deu', depth: 2 });
    expect(measures(two.data!.egoNetwork)).toEqual(SEED_MEASURES);
    const healey = await ego({ actor: 'official:john-healey' });
    expect(measures(healey.data!.egoNetwork)).toEqual(SEED_MEASURES);
  });

  it('restricts to the actors listed, who all appear even unlinked', async () => {
    const response = await network({
      kind: 'CO_ATTENDANCE',
      actors: ['nation:gbr', 'nation:deu', 'nation:fra'],
    });
    const answer = response.data!.network;
    expect(answer.nodes.map((node) => node.id)).toEqual(['nation:deu', 'nation:fra', 'nation:gbr']);
    expect(edgeList(answer)).toEqual(['nation:deu nation:gbr 1']);
    // Three nodes, FRA apart: Louvain puts DEU and GBR together (0), FRA alone (1).
    expect(measures(answer)['nation:fra']).toEqual([0, 0, 0, 1]);
  });

  it('refuses bad input with a message that says what to fix', async () => {
    const cases: [GraphQLResponse<unknown>, string, RegExp][] = [
      [await ego({ actor: 'nation:gbr', depth: 4 }), 'BAD_USER_INPUT', /`depth` must be 1, 2 or 3/],
      [await ego({ actor: 'nation:gbr', depth: 0 }), 'BAD_USER_INPUT', /`depth` must be 1, 2 or 3/],
      [
        await network({ kind: 'CO_ATTENDANCE', from: '2025-05-01', to: '2025-04-01' }),
        'BAD_USER_INPUT',
        /`from` \(2025-05-01\) is after `to` \(2025-04-01\)/,
      ],
      [await ego({ actor: 'nation:zzz' }), 'NOT_FOUND', /No actor has the id "nation:zzz"/],
      [
        await network({ kind: 'CO_ATTENDANCE', actors: ['nation:gbr', 'official:nobody'] }),
        'NOT_FOUND',
        /No actor has the id "official:nobody"/,
      ],
      [
        await ego({ actor: 'place:brussels' }),
        'BAD_USER_INPUT',
        /ids of nations, officials or organizations/,
      ],
      [await network({ kind: 'CO_STANCE', topic: 'topic:nothing' }), 'NOT_FOUND', /No topic has the id/],
      [
        await network({ kind: 'CO_STANCE', topic: 'nation:gbr' }),
        'BAD_USER_INPUT',
        /`topic` must be the id of a topic/,
      ],
      [await network({ kind: 'CO_ATTENDANCE', actors: [] }), 'BAD_USER_INPUT', /at least one actor/],
    ];
    for (const [response, code, message] of cases) {
      expect(errorCodes(response)).toEqual([code]);
      expect(response.errors![0].message).toMatch(message);
    }
  });

  describe('exports over HTTP', () => {
    it('writes GraphML that graphology-graphml reads back with every attribute', async () => {
      const response = await fetch(exportUrl('graphml', 'kind=CO_ATTENDANCE'), { headers: asReader });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="network-co_attendance.graphml"',
      );
      const graph = parseGraphml(Graph, await response.text());
      expect([graph.order, graph.size]).toEqual([5, 7]);
      expect(graph.getNodeAttributes('nation:gbr')).toEqual({
        name: 'United Kingdom',
        type: 'Nation',
        degree: 4,
        weightedDegree: 4,
        betweenness: 0.5,
        community: 0,
      });
      expect(graph.getEdgeAttributes(graph.edge('nation:deu', 'nation:gbr'))).toEqual({ weight: 1 });
    });

    it('writes GEXF that graphology-gexf reads back, for an ego network too', async () => {
      const response = await fetch(
        exportUrl('gexf', 'ego=official:john-healey&depth=1&from=2025-04-01&to=2025-04-30'),
        { headers: asReader },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="ego-official-john-healey-co_attendance-2025-04-01-2025-04-30.gexf"',
      );
      const graph = parseGexf(Graph, await response.text());
      expect([graph.order, graph.size]).toEqual([5, 7]);
      expect(graph.getNodeAttributes('nation:gbr')).toMatchObject({
        label: 'United Kingdom',
        type: 'Nation',
        degree: 4,
        betweenness: 0.5,
        community: 0,
      });
      expect(graph.getNodeAttribute('nation:fin', 'community')).toBe(1);
      expect(graph.getEdgeAttributes(graph.edge('nation:fin', 'nation:swe'))).toMatchObject({ weight: 1 });
    });

    it('answers bad input with a JSON error before any byte of the file', async () => {
      const cases: [string, number, string, RegExp][] = [
        [exportUrl('gexf', 'ego=nation:gbr&depth=4'), 400, 'BAD_USER_INPUT', /`depth` must be 1, 2 or 3/],
        [
          exportUrl('graphml', 'kind=CO_ATTENDANCE&from=2025-05-01&to=2025-04-01'),
          400,
          'BAD_USER_INPUT',
          /is after `to`/,
        ],
        [exportUrl('graphml', 'ego=nation:zzz'), 404, 'NOT_FOUND', /No actor has the id "nation:zzz"/],
        [
          exportUrl('graphml', 'kind=CO_ATTENDANCE&actors=nation:gbr,nation:zzz'),
          404,
          'NOT_FOUND',
          /nation:zzz/,
        ],
        [
          exportUrl('graphml', 'kind=FRIENDSHIP'),
          400,
          'BAD_USER_INPUT',
          /`kind` must be CO_ATTENDANCE or CO_STANCE/,
        ],
        [exportUrl('graphml', ''), 400, 'BAD_USER_INPUT', /`kind` is required/],
        [
          exportUrl('graphml', 'kind=CO_STANCE&from=2025-13-01'),
          400,
          'BAD_USER_INPUT',
          /`from` must be a date/,
        ],
        [
          exportUrl('gexf', 'ego=nation:gbr&topic=topic:us-involvement'),
          400,
          'BAD_USER_INPUT',
          /Unknown parameter `topic`/,
        ],
        [exportUrl('gexf', 'kind=CO_STANCE&kind=CO_ATTENDANCE'), 400, 'BAD_USER_INPUT', /once/],
      ];
      for (const [url, status, code, message] of cases) {
        const answer = await fetchError(url);
        expect([url, answer.status]).toEqual([url, status]);
        expect(answer.contentType).toMatch(/^application\/json/);
        expect(answer.body.errors[0].extensions.code).toBe(code);
        expect(answer.body.errors[0].message).toMatch(message);
      }
    });

    it('needs an API key as GraphQL reads do', async () => {
      const response = await fetch(exportUrl('graphml', 'kind=CO_ATTENDANCE'));
      expect(response.status).toBe(401);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('UNAUTHENTICATED');
    });
  });
});

describe('on a synthetic path a–b–c plus a triangle d–e–f', () => {
  // Synthetic fixture (made-up nations xaa..xah). Meetings: M1 {a,b}, M2 {b,c}, M3 {d,e,f,h},
  // M4 {d,e}, M5 {a,f}. M5 is retracted (through the API) and nation h is marked retracted, so
  // neither counts: without that, a–f would join the two parts and h would link to d, e and f.
  const a = 'nation:xaa';
  const b = 'nation:xab';
  const c = 'nation:xac';
  const d = 'nation:xad';
  const e = 'nation:xae';
  const f = 'nation:xaf';

  beforeAll(async () => {
    await resetGraph(api.api);
    await loadSyntheticNetwork(api.api, 'network-path-triangle', {
      nations: ['xaa', 'xab', 'xac', 'xad', 'xae', 'xaf', 'xah'],
      topics: [
        { id: 'topic:synthetic-root' },
        { id: 'topic:synthetic-child', broader: 'topic:synthetic-root' },
        { id: 'topic:synthetic-other' },
      ],
      meetings: [
        { id: 'meeting:2025-01-10-synthetic-m1', date: '2025-01-10', participants: ['xaa', 'xab'] },
        { id: 'meeting:2025-01-20-synthetic-m2', date: '2025-01-20', participants: ['xab', 'xac'] },
        {
          id: 'meeting:2025-02-10-synthetic-m3',
          date: '2025-02-10',
          participants: ['xad', 'xae', 'xaf', 'xah'],
        },
        { id: 'meeting:2025-02-20-synthetic-m4', date: '2025-02-20', participants: ['xad', 'xae'] },
        { id: 'meeting:2025-03-01-synthetic-m5', date: '2025-03-01', participants: ['xaa', 'xaf'] },
      ],
      positions: [
        {
          id: 'position:synthetic-a-supports-child',
          holder: 'xaa',
          topic: 'topic:synthetic-child',
          stance: 'SUPPORTS',
          date: '2025-01-10',
        },
        {
          id: 'position:synthetic-b-supports-child',
          holder: 'xab',
          topic: 'topic:synthetic-child',
          stance: 'SUPPORTS',
          date: '2025-01-11',
        },
        {
          id: 'position:synthetic-c-supports-root',
          holder: 'xac',
          topic: 'topic:synthetic-root',
          stance: 'SUPPORTS',
          date: '2025-01-12',
        },
        {
          id: 'position:synthetic-a-supports-root',
          holder: 'xaa',
          topic: 'topic:synthetic-root',
          stance: 'SUPPORTS',
          date: '2025-01-13',
        },
        {
          id: 'position:synthetic-b-opposes-root',
          holder: 'xab',
          topic: 'topic:synthetic-root',
          stance: 'OPPOSES',
          date: '2025-01-14',
        },
        {
          id: 'position:synthetic-d-opposes-other',
          holder: 'xad',
          topic: 'topic:synthetic-other',
          stance: 'OPPOSES',
          date: '2025-02-10',
        },
        {
          id: 'position:synthetic-e-opposes-other',
          holder: 'xae',
          topic: 'topic:synthetic-other',
          stance: 'OPPOSES',
          date: '2025-02-11',
        },
      ],
    });
    const retracted = await api.query(
      'mutation { retract(id: "meeting:2025-03-01-synthetic-m5", reason: "synthetic fixture") { id } }',
      {},
      { authorization: `Bearer ${keys.admin}` },
    );
    expect(retracted.errors).toBeUndefined();
    // Actors have no retract mutation; this marks h as a retraction would, to show it is left out.
    await api.api.db.write((tx) =>
      tx.run({
        cypher: 'MATCH (n:Nation {id: $id}) SET n.retractedAt = $at',
        params: { id: 'nation:xah', at: '2025-12-31T00:00:00Z' },
      }),
    );
  });

  it('has the hand-worked degree, weighted degree, betweenness and communities', async () => {
    const answer = (await network({ kind: 'CO_ATTENDANCE' })).data!.network;
    // Links: a–b 1, b–c 1, d–e 2 (M3 and M4), d–f 1, e–f 1.
    expect(edgeList(answer)).toEqual([
      `${a} ${b} 1`,
      `${b} ${c} 1`,
      `${d} ${e} 2`,
      `${d} ${f} 1`,
      `${e} ${f} 1`,
    ]);
    // Degree: a 1, b 2, c 1, d 2, e 2, f 2. Weighted: d = 2 + 1 = 3, e = 2 + 1 = 3, f = 1 + 1 = 2.
    // Betweenness: only b is inside a shortest path (a–b–c): 1 pair of the C(5,2) = 10 pairs of
    // other nodes, so 1/10 = 0.1; in the triangle every pair is linked directly, so 0.
    // Louvain (total weight m = 6, 2m = 12): {a,b,c} gives 2/6 - (4/12)^2 = 0.2222 and {d,e,f}
    // 4/6 - (8/12)^2 = 0.2222 (Q = 0.4444); splitting either lowers it, e.g. {a,b},{c} gives
    // 1/6 - (3/12)^2 - (1/12)^2 = 0.0972 < 0.2222 and {d,e},{f} 2/6 - (6/12)^2 - (2/12)^2 = 0.0556.
    // Numbered by smallest id: a's community 0, d's 1.
    expect(measures(answer)).toEqual({
      [a]: [1, 1, 0, 0],
      [b]: [2, 2, 0.1, 0],
      [c]: [1, 1, 0, 0],
      [d]: [2, 3, 0, 1],
      [e]: [2, 3, 0, 1],
      [f]: [2, 2, 0, 1],
    });
  });

  it('gives the same communities every time', async () => {
    const first = await network({ kind: 'CO_ATTENDANCE' });
    const again = await network({ kind: 'CO_ATTENDANCE' });
    expect(again.data).toEqual(first.data);
  });

  it('measures the ego network on its own nodes', async () => {
    // b and its neighbours a and c: b is on the one path between the only pair of others, 1/1 = 1.
    const answer = (await ego({ actor: b })).data!.egoNetwork;
    expect(measures(answer)).toEqual({ [a]: [1, 1, 0, 0], [b]: [2, 2, 1, 0], [c]: [1, 1, 0, 0] });
    // a at depth 1 has only b; at depth 2 c too.
    expect((await ego({ actor: a })).data!.egoNetwork.nodes.map((node) => node.id)).toEqual([a, b]);
    expect((await ego({ actor: a, depth: 2 })).data!.egoNetwork.nodes.map((node) => node.id)).toEqual([
      a,
      b,
      c,
    ]);
    // d's neighbours e and f are linked to each other: the links among them all are there.
    expect(edgeList((await ego({ actor: d })).data!.egoNetwork)).toEqual([
      `${d} ${e} 2`,
      `${d} ${f} 1`,
      `${e} ${f} 1`,
    ]);
  });

  it('links same stances on the same topic, a topic counting its narrower ones', async () => {
    // (child, SUPPORTS): a, b. (root, SUPPORTS): c, a. (other, OPPOSES): d, e. b OPPOSES root: alone.
    const all = (await network({ kind: 'CO_STANCE' })).data!.network;
    expect(edgeList(all)).toEqual([`${a} ${b} 1`, `${a} ${c} 1`, `${d} ${e} 1`]);
    const root = (await network({ kind: 'CO_STANCE', topic: 'topic:synthetic-root' })).data!.network;
    expect(edgeList(root)).toEqual([`${a} ${b} 1`, `${a} ${c} 1`]);
    const child = (await network({ kind: 'CO_STANCE', topic: 'topic:synthetic-child' })).data!.network;
    expect(edgeList(child)).toEqual([`${a} ${b} 1`]);
    // Positions dated Jan 10 and 11 only: a and b.
    const early = (await network({ kind: 'CO_STANCE', to: '2025-01-11' })).data!.network;
    expect(edgeList(early)).toEqual([`${a} ${b} 1`]);
  });

  it('leaves the retracted nation out even when asked for by id', async () => {
    const response = await network({ kind: 'CO_ATTENDANCE', actors: ['nation:xah'] });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});

describe('a network over the size limit', () => {
  // Synthetic fixture: one meeting of 102 made-up nations is C(102,2) = 5,151 links, over the limit.
  const codes = Array.from(
    { length: 102 },
    (_, index) =>
      `x${'abcdefghijklmnopqrstuvwxyz'[Math.floor(index / 26)]}${'abcdefghijklmnopqrstuvwxyz'[index % 26]}`,
  );

  beforeAll(async () => {
    expect((codes.length * (codes.length - 1)) / 2).toBeGreaterThan(MAX_NETWORK_SIZE);
    await resetGraph(api.api);
    await loadSyntheticNetwork(api.api, 'network-too-big', {
      nations: codes,
      meetings: [{ id: 'meeting:2025-06-01-synthetic-crowd', date: '2025-06-01', participants: codes }],
    });
  });

  it('is refused, never cut short, and narrowing it works', async () => {
    const whole = await network({ kind: 'CO_ATTENDANCE' });
    expect(errorCodes(whole)).toEqual(['BAD_USER_INPUT']);
    expect(whole.errors![0].message).toMatch(
      /more than 5000 links or actors.*narrow the period, or list fewer actors/,
    );
    const egoOf = await ego({ actor: 'nation:xaa', depth: 2 });
    expect(errorCodes(egoOf)).toEqual(['BAD_USER_INPUT']);
    const http = await fetchError(exportUrl('graphml', 'kind=CO_ATTENDANCE'));
    expect(http.status).toBe(400);
    expect(http.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(http.body.errors[0].message).toMatch(/more than 5000 links/);
    // Ten of them: the C(10,2) = 45 links among them, everyone linked to everyone once.
    const some = await network({
      kind: 'CO_ATTENDANCE',
      actors: codes.slice(0, 10).map((code) => `nation:${code}`),
    });
    expect(some.data!.network.edges).toHaveLength(45);
    expect(some.data!.network.nodes.every((node) => node.degree === 9)).toBe(true);
  });
});
