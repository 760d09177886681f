/**
 * Racing writes over real HTTP against the real Neo4j: many clients writing the same ids at once
 * must leave exactly the state some one-at-a-time order would have left, and every call that such
 * an order would have refused gets that refusal. Each test asserts the stored graph, not just the
 * answers (the reproductions of issue #12 answered "created" while corrupting it).
 */
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';
const IMPORT = 'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }';

/** A synthetic one-paragraph report whose text and evidence are its own: excerpts of `i` are in no other text. */
function report(sourceId: string, i: number) {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: sourceId,
      title: `Race report ${i}`,
      publisher: 'Synthetic Wire',
      publishedAt: '2025-05-02',
      text: `Synthetic fixture. Race report number ${i}: ministers met and spoke.`,
    },
    topics: [
      {
        id: `topic:race-import-${i}`,
        name: `Race topic ${i}`,
        aliases: [],
        evidence: [{ excerpt: `Race report number ${i}` }],
      },
    ],
  };
}

describe('racing writes', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const read = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await api.api.db.read({ cypher, params }))[0];

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  /** upsertTopic with an editor key: a bare topic, or one with a broader topic. */
  const upsertTopic = (id: string, broader?: string) =>
    api.query<Data>(
      `mutation T($input: TopicInput!) { upsertTopic(input: $input) { id } }`,
      {
        input: {
          id,
          name: id.slice('topic:'.length),
          broader,
          evidence: [{ source: SOURCE, excerpt: EXCERPT }],
        },
      },
      as(keys.editor),
    );

  /** Every excerpt of the source is verbatim in its stored text, at its stored offset. */
  async function excerptsOutsideText(sourceId: string): Promise<number> {
    const row = await read(
      `MATCH (e:Evidence)-[:EXCERPT_OF]->(s:Source {id: $id})
       WHERE substring(s.text, e.start, size(e.excerpt)) <> e.excerpt
       RETURN count(e) AS outside`,
      { id: sourceId },
    );
    return row.outside as number;
  }

  it('ten imports of one new source id with ten texts: one is stored, nine are refused, no excerpt points outside it', async () => {
    const sourceId = 'source:race-import';
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.query<Data>(IMPORT, { document: report(sourceId, i) }, as(keys.editor)),
      ),
    );
    const created = responses.filter((r) => r.data?.importDocument?.status === 'created');
    const refused = responses.filter((r) => r.errors);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const response of refused) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('source.text');
    }
    const winner = responses.findIndex((r) => r.data?.importDocument?.status === 'created');
    const stored = await read(
      `MATCH (s:Source {id: $id})
       RETURN s.text AS text, COUNT { (s)-[:MENTIONS]->(:Topic) } AS topics, COUNT { (:Evidence)-[:EXCERPT_OF]->(s) } AS excerpts`,
      { id: sourceId },
    );
    expect(stored).toEqual({ text: report(sourceId, winner).source.text, topics: 1, excerpts: 1 });
    expect(await excerptsOutsideText(sourceId)).toBe(0);
  });

  it('upsertSource racing imports of one id with other texts: one text wins, every excerpt is in it', async () => {
    const sourceId = 'source:race-mixed';
    const upsert = (i: number) =>
      api.query<Data>(
        `mutation U($input: SourceInput!) { upsertSource(input: $input) { id text } }`,
        {
          input: {
            id: sourceId,
            title: `Upserted ${i}`,
            publisher: 'Synthetic Wire',
            publishedAt: '2025-05-02',
            text: `Synthetic fixture. Upserted text ${i}.`,
          },
        },
        as(keys.editor),
      );
    const calls: Promise<GraphQLResponse<Data>>[] = [];
    for (let i = 0; i < 6; i += 1) {
      calls.push(api.query<Data>(IMPORT, { document: report(sourceId, i) }, as(keys.editor)));
      calls.push(upsert(i));
    }
    const responses = await Promise.all(calls);
    const succeeded = responses.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    for (const response of responses.filter((r) => r.errors))
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const stored = await read(`MATCH (s:Source {id: $id}) RETURN s.text AS text`, { id: sourceId });
    const winner = responses.indexOf(succeeded[0]);
    const expected =
      winner % 2 === 0
        ? report(sourceId, winner / 2).source.text
        : `Synthetic fixture. Upserted text ${(winner - 1) / 2}.`;
    expect(stored.text).toBe(expected);
    expect(await excerptsOutsideText(sourceId)).toBe(0);
  });

  it('twenty recordStatement calls with one id and different speakers leave one speaker; the others are refused naming it', async () => {
    const actors = (
      await api.api.db.read({
        cypher: 'MATCH (a:Actor) RETURN a.id AS id ORDER BY a.id LIMIT 20',
        params: {},
      })
    ).map((row) => row.id as string);
    expect(actors.length).toBeGreaterThanOrEqual(10);
    const id = 'statement:race-speakers';
    const speakers = Array.from({ length: 20 }, (_, i) => actors[i % actors.length]);
    const responses = await Promise.all(
      speakers.map((speaker) =>
        api.query<Data>(
          `mutation R($input: StatementInput!) { recordStatement(input: $input) { id speaker { id } } }`,
          {
            input: {
              id,
              kind: 'PARAPHRASE',
              text: 'The number of soldiers depends on the mandate.',
              speaker,
              date: '2025-04-10',
              evidence: [{ source: SOURCE, excerpt: EXCERPT }],
            },
          },
          as(keys.editor),
        ),
      ),
    );
    const stored = await read(`MATCH (s:Statement {id: $id}) RETURN [(a)-[:SAID]->(s) | a.id] AS speakers`, {
      id,
    });
    expect(stored.speakers).toHaveLength(1);
    const [speaker] = stored.speakers as string[];
    responses.forEach((response, i) => {
      if (speakers[i] === speaker) {
        expect(response.errors).toBeUndefined();
        expect(response.data.recordStatement.speaker.id).toBe(speaker);
      } else {
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].message).toMatch(/speaker is "[^"]+" here but "[^"]+" in the graph/);
      }
    });
  });

  it('twenty upsertTopic calls with different broader topics leave one BROADER link, as one after another would', async () => {
    const broader = [
      'topic:support-for-ukraine',
      'topic:security-guarantees-for-ukraine',
      'topic:reassurance-force',
      'topic:us-involvement',
      'topic:ceasefire-and-peace',
    ];
    const id = 'topic:race-broader';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.query<Data>(
          `mutation T($input: TopicInput!) { upsertTopic(input: $input) { id broader { id } } }`,
          {
            input: {
              id,
              name: 'Race topic',
              broader: broader[i % broader.length],
              evidence: [{ source: SOURCE, excerpt: EXCERPT }],
            },
          },
          as(keys.editor),
        ),
      ),
    );
    // An upsert is a correction: one after another, each replaces the last, and none is refused.
    expect(responses.filter((r) => r.errors)).toEqual([]);
    const stored = await read(`MATCH (t:Topic {id: $id}) RETURN [(t)-[:BROADER]->(b) | b.id] AS broader`, {
      id,
    });
    expect(stored.broader).toHaveLength(1);
    expect(broader).toContain((stored.broader as string[])[0]);
  });

  it('two writes that would close a cycle of broader topics between them: one lands, the other is refused', async () => {
    for (let pair = 0; pair < 5; pair += 1) {
      const [a, b] = [`topic:cycle-${pair}-a`, `topic:cycle-${pair}-b`];
      expect((await upsertTopic(a)).errors).toBeUndefined();
      expect((await upsertTopic(b)).errors).toBeUndefined();
      const responses = await Promise.all([upsertTopic(a, b), upsertTopic(b, a)]);
      expect(responses.filter((r) => r.errors)).toHaveLength(1);
      const refused = responses.find((r) => r.errors)!;
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].message).toMatch(/broader: would make a cycle/);
      const stored = await read(
        `MATCH (t:Topic)-[:BROADER]->(u:Topic) WHERE t.id IN $ids RETURN count(*) AS links`,
        { ids: [a, b] },
      );
      expect(stored.links).toBe(1);
    }
  });

  it('four writes that together close a cycle of four topics, none sharing a topic with its neighbour in the race: exactly one is refused', async () => {
    const ring = ['a', 'b', 'c', 'd'].map((letter) => `topic:ring-${letter}`);
    for (const id of ring) expect((await upsertTopic(id)).errors).toBeUndefined();
    const responses = await Promise.all(ring.map((id, i) => upsertTopic(id, ring[(i + 1) % ring.length])));
    expect(responses.filter((r) => r.errors)).toHaveLength(1);
    expect(responses.find((r) => r.errors)!.errors![0].message).toMatch(/broader: would make a cycle/);
    const stored = await read(
      `MATCH (t:Topic)-[:BROADER]->(u:Topic) WHERE t.id IN $ids RETURN count(*) AS links`,
      { ids: ring },
    );
    expect(stored.links).toBe(3);
  });

  it("refuses a document whose broader links close a cycle with the graph's, though neither does alone", async () => {
    for (const id of ['topic:mixed-a', 'topic:mixed-b', 'topic:mixed-c'])
      expect((await upsertTopic(id)).errors).toBeUndefined();
    expect((await upsertTopic('topic:mixed-b', 'topic:mixed-c')).errors).toBeUndefined();
    // The document says a -> b and c -> a; with the stored b -> c that is a -> b -> c -> a.
    const response = await api.query<Data>(
      IMPORT,
      {
        document: {
          ...report('source:mixed-cycle', 99),
          topics: [
            { id: 'topic:mixed-a', name: 'mixed-a', broader: 'topic:mixed-b' },
            { id: 'topic:mixed-c', name: 'mixed-c', broader: 'topic:mixed-a' },
          ],
        },
      },
      as(keys.editor),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(
      /broader: would make a cycle of broader topics: topic:mixed-/,
    );
    const stored = await read(
      `MATCH (:Topic {id: 'topic:mixed-a'})-[r:BROADER]->() RETURN count(r) AS links`,
    );
    expect(stored.links).toBe(0);
  });

  it('a retraction racing a re-record of the same fact: never a retracted fact recorded again', async () => {
    const id = 'statement:race-retract';
    const input = {
      id,
      kind: 'PARAPHRASE',
      text: 'Retract me while I am recorded.',
      speaker: 'official:pal-jonson',
      date: '2025-04-10',
      evidence: [{ source: SOURCE, excerpt: EXCERPT }],
    };
    const record = () =>
      api.query<Data>(
        `mutation R($input: StatementInput!) { recordStatement(input: $input) { id } }`,
        { input },
        as(keys.editor),
      );
    expect((await record()).errors).toBeUndefined();
    const [retraction, ...records] = await Promise.all([
      api.query<Data>(`mutation { retract(id: "${id}", reason: "race test") { id } }`, {}, as(keys.admin)),
      ...Array.from({ length: 10 }, record),
    ]);
    expect(retraction.errors).toBeUndefined();
    // Each record came before the retraction (an idempotent repeat, read back before or after it)
    // or after it (refused): never an internal error, always a message that says what happened.
    for (const response of records.filter((r) => r.errors)) {
      const [code] = errorCodes(response);
      if (code === 'NOT_FOUND') expect(response.errors![0].message).toContain('another request retracted it');
      else {
        expect(code).toBe('BAD_USER_INPUT');
        expect(response.errors![0].message).toContain('was retracted');
      }
    }
    const stored = await read(
      `MATCH (s:Statement {id: $id}) RETURN s.retractedAt IS NOT NULL AS retracted, COUNT { (s)-[:RETRACTED_BY]->() } AS audits`,
      { id },
    );
    expect(stored).toEqual({ retracted: true, audits: 1 });
    // And after it, a record is refused: the race left the same state an ordered run would.
    expect(errorCodes(await record())).toEqual(['BAD_USER_INPUT']);
  });
});
