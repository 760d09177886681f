/**
 * Many reports, one event: the seed plus six synthetic reports of its two meetings (written for
 * these tests, tests/fixtures/multi-source/README.md) import into one node per meeting, official,
 * statement and position, with every source counted, and nothing that only looks alike merged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resetGraph, startTestApi, testKeys, type TestApi } from './helpers/start-api';

const FIXTURES = path.join(__dirname, 'fixtures', 'multi-source');
const reports = readdirSync(FIXTURES)
  .filter((name) => /^\d{4}-\d{2}-\d{2}-.*\.json$/.test(name))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Report);
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  sameAs: Record<string, string>;
  distinct: string[];
};

interface Report {
  source: { id: string; publisher: string; publishedAt: string };
  officials: { id: string }[];
  meetings: { id: string; status: string }[];
  [section: string]: unknown;
}

const COALITION = 'meeting:2025-04-10-coalition-of-the-willing-brussels';
const CONTACT_GROUP = 'meeting:2025-04-11-ukraine-defence-contact-group-brussels';
const keys = testKeys();
let api: TestApi;
const matchedIds = new Map<string, string>();

async function cypher(text: string, params: Record<string, unknown> = {}) {
  return api.api.db.read({ cypher: text, params });
}

beforeAll(async () => {
  api = await startTestApi({ env: { API_KEYS: keys.env } });
  for (const report of reports) {
    const response = await api.query<{
      importDocument: { status: string; matches: { id: string; matchedTo: string; reason: string }[] };
    }>(
      `mutation ($document: JSONObject!) { importDocument(document: $document) { status matches { id matchedTo reason } } }`,
      { document: report },
      { authorization: `Bearer ${keys.editor}` },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.importDocument.status).toBe('created');
    for (const match of response.data!.importDocument.matches) {
      expect(match.reason.length).toBeGreaterThan(10);
      matchedIds.set(match.id, match.matchedTo);
    }
  }
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('importing the seed and six reports of its two meetings', () => {
  it('matches every record the fixtures planted as the same to the seed node, and only those', () => {
    const planted = Object.entries(expected.sameAs).filter(([id]) => !id.startsWith('nation:'));
    expect([...matchedIds].filter(([id]) => !expected.sameAs[id])).toEqual([]);
    expect(planted.filter(([id, seedId]) => matchedIds.get(id) !== seedId)).toEqual([]);
  });

  it('holds each of the two meetings once, with every report of it counted as a source', async () => {
    const rows = await cypher(
      `MATCH (m:Meeting) RETURN m.id AS id, m.status AS status, m.sourceCount AS sources, m.publisherCount AS publishers,
              m.firstReported AS first, m.lastReported AS last ORDER BY id`,
    );
    const meetingIds = rows.map((row) => row.id);
    expect(meetingIds.filter((id) => id === COALITION || id === CONTACT_GROUP)).toEqual([
      COALITION,
      CONTACT_GROUP,
    ]);
    // Every other meeting is one the fixtures planted as a different event.
    expect(
      meetingIds
        .filter((id) => id !== COALITION && id !== CONTACT_GROUP)
        .every((id) => expected.distinct.includes(id as string)),
    ).toBe(true);
    for (const meetingId of [COALITION, CONTACT_GROUP]) {
      const reporting = reports.filter((report) =>
        report.meetings.some(
          (meeting) => expected.sameAs[meeting.id] === meetingId || meeting.id === meetingId,
        ),
      );
      const row = rows.find((candidate) => candidate.id === meetingId)!;
      expect(row.sources).toBe(reporting.length + 1);
      expect(row.publishers).toBe(
        new Set(['Qatar Tribune', ...reporting.map((r) => r.source.publisher)]).size,
      );
      const dates = ['2025-04-11', ...reporting.map((r) => r.source.publishedAt)].sort();
      expect([row.first, row.last]).toEqual([dates[0], dates.at(-1)]);
    }
    // Scheduled in the seed and a preview, reported held afterwards: held.
    expect(rows.find((row) => row.id === CONTACT_GROUP)?.status).toBe('HELD');
  });

  it('holds no duplicate official, and keeps the trap with a shared surname apart', async () => {
    const rows = await cypher(`MATCH (o:Official) RETURN o.id AS id ORDER BY id`);
    const ids = rows.map((row) => row.id as string);
    const seedOfficials = [
      'official:antti-hakkanen',
      'official:donald-trump',
      'official:john-healey',
      'official:keir-starmer',
      'official:pal-jonson',
    ];
    const plantedNew = expected.distinct.filter((id) => id.startsWith('official:'));
    expect(ids).toEqual([...seedOfficials, ...plantedNew].sort());
    const [hakkanen] = await cypher(
      `MATCH (o:Official {id: 'official:antti-hakkanen'}) RETURN o.aliases AS aliases, o.sourceCount AS sources`,
    );
    expect(hakkanen.aliases).toEqual(expect.arrayContaining(['Antti Hakanen']));
    expect(hakkanen.sources).toBeGreaterThanOrEqual(4);
  });

  it('keeps every distinct record the fixtures planted as its own node', async () => {
    const rows = await cypher(
      `UNWIND $ids AS id OPTIONAL MATCH (n {id: id}) RETURN id, n IS NOT NULL AS stored`,
      {
        ids: expected.distinct,
      },
    );
    expect(rows.filter((row) => !row.stored).map((row) => row.id)).toEqual([]);
  });

  it("keeps each report's figures as its own claims instead of overwriting the meeting's", async () => {
    const rows = await cypher(
      `MATCH (c:Claim)-[:CLAIM_ABOUT]->(:Meeting {id: $id}) WHERE c.field = 'NATIONS_REPRESENTED'
       RETURN c.value AS value, c.sourceId AS source ORDER BY source`,
      { id: COALITION },
    );
    expect(rows.map((row) => row.value).sort()).toEqual(expect.arrayContaining(['30', '31']));
    const [meeting] = await cypher(
      `MATCH (m:Meeting {id: $id}) RETURN m.nationsRepresented AS n, m.date AS date`,
      {
        id: COALITION,
      },
    );
    expect(meeting).toEqual({ n: 30, date: '2025-04-10' });
  });

  it('imports every report again as unchanged, with no new node', async () => {
    const [before] = await cypher(`MATCH (n) RETURN count(n) AS nodes`);
    for (const report of reports) {
      const response = await api.query<{ importDocument: { status: string } }>(
        `mutation ($document: JSONObject!) { importDocument(document: $document) { status } }`,
        { document: report },
        { authorization: `Bearer ${keys.editor}` },
      );
      expect(response.data?.importDocument.status).toBe('unchanged');
    }
    const [after] = await cypher(`MATCH (n) RETURN count(n) AS nodes`);
    expect(after.nodes).toBe(before.nodes);
  });
});

describe('reports of one new event arriving at once', () => {
  /** Nodes of each label the reports make, and how many aliases, once every report is imported. */
  async function shape() {
    const rows = await cypher(
      `MATCH (n) WHERE n:Meeting OR n:Official OR n:Statement OR n:Position OR n:Role OR n:Organization OR n:Place OR n:Topic
       RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label`,
    );
    return Object.fromEntries(rows.map((row) => [row.label, row.count]));
  }

  async function importAll(parallel: boolean) {
    const one = (report: Report) =>
      api.query<{ importDocument: { status: string } }>(
        `mutation ($document: JSONObject!) { importDocument(document: $document) { status } }`,
        { document: report },
        { authorization: `Bearer ${keys.editor}` },
      );
    const responses = parallel ? await Promise.all(reports.map(one)) : [];
    if (!parallel) for (const report of reports) responses.push(await one(report));
    expect(responses.map((response) => response.errors ?? response.data?.importDocument.status)).toEqual(
      reports.map(() => 'created'),
    );
  }

  it('gives the same graph when the six reports race as when they come one by one, with no seed to match', async () => {
    await resetGraph(api.api);
    await importAll(false);
    const sequential = await shape();
    // The coalition meeting, the contact group meeting and the planted EU meeting: three events.
    expect(sequential.Meeting).toBe(3);
    await resetGraph(api.api);
    await importAll(true);
    expect(await shape()).toEqual(sequential);
  }, 120_000);
});

describe('an import racing a merge of what it writes', () => {
  const source = (n: number) => ({
    format: 'diplomacy-graph/document@1',
    source: {
      id: `source:synthetic-merge-race-${n}`,
      title: `Synthetic report ${n}`,
      publisher: `Synthetic Desk ${n}`,
      publishedAt: '2025-04-12',
      text: `Synthetic fixture: Envoy Marit Oddvik of Norway spoke to reporters (${n}).`,
    },
    nations: [
      { id: 'nation:nor', name: 'Norway', iso3: 'NOR', evidence: [{ excerpt: 'Marit Oddvik of Norway' }] },
    ],
    officials: [
      {
        id: 'official:marit-oddvik',
        name: 'Marit Oddvik',
        nation: 'nation:nor',
        evidence: [{ excerpt: 'Envoy Marit Oddvik of Norway' }],
      },
    ],
  });
  const importAs = (n: number) =>
    api.query<{ importDocument: { status: string } }>(
      `mutation ($document: JSONObject!) { importDocument(document: $document) { status } }`,
      { document: source(n) },
      { authorization: `Bearer ${keys.editor}` },
    );

  it('never brings a merged node back: imports that lose the race write to the node it was merged into', async () => {
    await resetGraph(api.api);
    // Two coexisting officials an editor knows to be one person (imports never merge them).
    expect((await importAs(0)).data?.importDocument.status).toBe('created');
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `MATCH (n:Nation {id: 'nation:nor'}) CREATE (o:Official:Actor {id: 'official:m-oddvik-keep', name: 'M. Oddvik (kept)', aliases: [], nameText: 'm. oddvik (kept)', sortName: 'm. oddvik (kept)'})-[:NATIONAL_OF]->(n)`,
        params: {},
      }),
    );
    const [merge, ...imports] = await Promise.all([
      api.query<{ mergeEntities: { id: string } }>(
        `mutation { mergeEntities(keep: "official:m-oddvik-keep", merge: "official:marit-oddvik", reason: "Synthetic: the same envoy") { id } }`,
        {},
        { authorization: `Bearer ${keys.admin}` },
      ),
      ...[1, 2, 3, 4, 5, 6].map(importAs),
    ]);
    expect(merge.errors).toBeUndefined();
    expect(imports.map((response) => response.errors ?? response.data?.importDocument.status)).toEqual(
      imports.map(() => 'created'),
    );
    const rows = await cypher(
      `OPTIONAL MATCH (gone:Official {id: 'official:marit-oddvik'})
       MATCH (kept:Official {id: 'official:m-oddvik-keep'})
       RETURN gone IS NULL AS mergedAway, COUNT { (kept)<-[:MENTIONS]-() } AS sources, kept.sourceCount AS sourceCount`,
    );
    expect(rows[0]).toEqual({ mergedAway: true, sources: 7, sourceCount: 7 });
  }, 120_000);
});
