/**
 * The write API over real HTTP: who may write, idempotent and transactional mutations, and
 * retractions that keep an audit trail.
 */
import { errorCodes } from './helpers/graphql';
import { seedDocument } from './helpers/documents';
import { graphCounts, startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';

const RECORD_STATEMENT = `mutation Record($input: StatementInput!) {
  recordStatement(input: $input) { id kind text speaker { name } evidence { excerpt source { id } } }
}`;

function statementInput(text: string) {
  return {
    kind: 'PARAPHRASE',
    text,
    speaker: 'official:pal-jonson',
    date: '2025-04-10',
    evidence: [{ source: SOURCE, excerpt: EXCERPT }],
  };
}

describe('writes', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  describe('who may write', () => {
    it('needs a key to write: UNAUTHENTICATED', async () => {
      const response = await api.query(RECORD_STATEMENT, { input: statementInput('No key.') });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses an unknown key even for reads: UNAUTHENTICATED, 401', async () => {
      const response = await api.query('{ nations { totalCount } }', {}, as('dgk_not-a-real-key'));
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('keeps writes from readers: FORBIDDEN', async () => {
      const response = await api.query(
        RECORD_STATEMENT,
        { input: statementInput('Reader key.') },
        as(keys.reader),
      );
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0].message).toContain('editor role');
    });

    it('keeps retractions from editors: FORBIDDEN', async () => {
      const response = await api.query(
        'mutation { retract(id: "statement:healey-thirty-countries", reason: "test") { id } }',
        {},
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    });

    it('lets reads through without a key by default', async () => {
      const response = await api.query<Data>('{ nations { totalCount } }');
      expect(response.data.nations.totalCount).toBe(9);
    });
  });

  it('records a statement and reads it back, and repeating the call changes nothing', async () => {
    const input = statementInput('The number of soldiers depends on the mandate.');
    const first = await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor));
    expect(first.errors).toBeUndefined();
    expect(first.data.recordStatement).toMatchObject({
      kind: 'PARAPHRASE',
      speaker: { name: 'Pål Jonson' },
      evidence: [{ excerpt: EXCERPT, source: { id: SOURCE } }],
    });
    expect(first.extensions?.bookmarks).toEqual(expect.any(Array));
    const before = await graphCounts(api.api);
    const again = await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor));
    expect(again.data.recordStatement.id).toBe(first.data.recordStatement.id);
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('refuses a fact id reused with another speaker: BAD_USER_INPUT naming the field, nothing written', async () => {
    const input = {
      ...statementInput('Soldier numbers hang on the mandate.'),
      id: 'statement:jonson-soldier-numbers',
    };
    expect((await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor))).errors).toBeUndefined();
    const before = await graphCounts(api.api);
    const other = await api.query<Data>(
      RECORD_STATEMENT,
      { input: { ...input, speaker: 'official:john-healey' } },
      as(keys.editor),
    );
    expect(errorCodes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0].message).toMatch(
      /speaker: id reused with conflicting data: speaker is "official:john-healey" here but "official:pal-jonson"/,
    );
    expect(await graphCounts(api.api)).toEqual(before);
    const read = await api.query<Data>(
      '{ node(id: "statement:jonson-soldier-numbers") { ... on Statement { speaker { id } } } }',
    );
    expect(read.data.node.speaker.id).toBe('official:pal-jonson');
  });

  it('replaces a single link when an upsert corrects it, instead of adding a second one', async () => {
    const upsertPlace = (within: string) =>
      api.query<Data>(
        `mutation { upsertPlace(input: { id: "place:test-venue", name: "Test venue", kind: VENUE, within: "${within}",
           evidence: [{ source: "${SOURCE}", excerpt: "Brussels [Belgium]" }] }) { id within { id } } }`,
        {},
        as(keys.editor),
      );
    expect((await upsertPlace('place:nato-headquarters')).data.upsertPlace.within.id).toBe(
      'place:nato-headquarters',
    );
    const corrected = await upsertPlace('place:brussels');
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.upsertPlace.within.id).toBe('place:brussels');
    const [links] = await api.api.db.read({
      cypher: 'MATCH (:Place {id: "place:test-venue"})-[r:WITHIN]->() RETURN count(r) AS count',
      params: {},
    });
    expect(links.count).toBe(1);
  });

  it('refuses to record a retracted fact again: BAD_USER_INPUT saying so, nothing written', async () => {
    const input = {
      ...statementInput('The mandate decides the numbers.'),
      id: 'statement:jonson-mandate-decides',
    };
    expect((await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor))).errors).toBeUndefined();
    const retracted = await api.query<Data>(
      'mutation { retract(id: "statement:jonson-mandate-decides", reason: "Test") { id } }',
      {},
      as(keys.admin),
    );
    expect(retracted.errors).toBeUndefined();
    const before = await graphCounts(api.api);
    const again = await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor));
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].message).toMatch(/was retracted .*record it under another id/);
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('lists nothing under a retracted meeting, as it is NOT_FOUND everywhere else', async () => {
    const meetingId = 'meeting:2025-04-10-test-retracted-meeting';
    const recorded = await api.query<Data>(
      `mutation { recordMeeting(input: { id: "${meetingId}", title: "Test meeting", date: "2025-04-10", status: HELD,
         evidence: [{ source: "${SOURCE}", excerpt: "${EXCERPT}" }] }) { id } }`,
      {},
      as(keys.editor),
    );
    expect(recorded.errors).toBeUndefined();
    const input = {
      ...statementInput('Said at the test meeting.'),
      id: 'statement:jonson-at-test-meeting',
      meeting: meetingId,
    };
    expect((await api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor))).errors).toBeUndefined();
    const listed = () =>
      api.query<Data>(`{ statements(filter: { meeting: "${meetingId}" }) { totalCount nodes { id } } }`);
    expect((await listed()).data.statements.totalCount).toBe(1);

    const retracted = await api.query<Data>(
      `mutation { retract(id: "${meetingId}", reason: "Test") { id } }`,
      {},
      as(keys.admin),
    );
    expect(retracted.errors).toBeUndefined();
    expect((await listed()).data.statements).toEqual({ totalCount: 0, nodes: [] });
  });

  it.each([
    [
      'recordMeeting',
      'MeetingInput',
      'title: "T", date: "2025-04-10", status: HELD, id: "meeting:test-no-date"',
      /"meeting:", the date YYYY-MM-DD/,
    ],
    [
      'upsertNation',
      'NationInput',
      'name: "Testland", iso3: "TST", id: "nation:testland"',
      /ISO 3166-1 alpha-3 code in lower case/,
    ],
  ])('tells what a %s id must look like', async (mutation, _input, fields, rule) => {
    const response = await api.query<Data>(
      `mutation { ${mutation}(input: { ${fields}, evidence: [{ source: "${SOURCE}", excerpt: "${EXCERPT}" }] }) { id } }`,
      {},
      as(keys.editor),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(rule);
  });

  it('needs evidence for a topic too: a missing list is BAD_USER_INPUT before anything runs', async () => {
    const response = await api.query<Data>(
      'mutation { upsertTopic(input: { id: "topic:test-bare", name: "Bare" }) { id } }',
      {},
      as(keys.editor),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/evidence/);
  });

  it('leaves exactly one node after 50 concurrent identical create mutations', async () => {
    const input = statementInput('Fifty clients said this at once.');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api.query<Data>(RECORD_STATEMENT, { input }, as(keys.editor))),
    );
    expect(responses.map((r) => r.errors)).toEqual(Array(50).fill(undefined));
    const ids = new Set(responses.map((r) => r.data.recordStatement.id));
    expect(ids.size).toBe(1);
    const [row] = await api.api.db.read({
      cypher: `MATCH (s:Statement {id: $id}) OPTIONAL MATCH (s)<-[said:SAID]-() OPTIONAL MATCH (s)-[ev:EVIDENCED_BY]->()
               RETURN count(DISTINCT s) AS nodes, count(DISTINCT said) AS speakers, count(DISTINCT ev) AS evidence`,
      params: { id: [...ids][0] },
    });
    expect(row).toEqual({ nodes: 1, speakers: 1, evidence: 1 });
  });

  it('leaves the database exactly as it was when a document fails validation half-way', async () => {
    const document = seedDocument();
    document.source.id = 'source:test-half-way';
    document.statements[2].evidence[0].excerpt = 'Healey said nothing of the sort.';
    const before = await graphCounts(api.api);
    const response = await api.query(
      'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }',
      { document },
      as(keys.editor),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions?.problems).toContainEqual(
      expect.objectContaining({
        record: 'statement:healey-strongest-possible-deterrent',
        field: 'evidence[0].excerpt',
      }),
    );
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('rejects a reference to an id that does not exist, writing nothing', async () => {
    const before = await graphCounts(api.api);
    const response = await api.query(
      RECORD_STATEMENT,
      { input: { ...statementInput('Ghost.'), speaker: 'official:nobody' } },
      as(keys.editor),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/official:nobody/);
    expect(await graphCounts(api.api)).toEqual(before);
  });

  it('corrects an entity with upsert, keeping the old name as an alias', async () => {
    const response = await api.query<Data>(
      `mutation { upsertNation(input: { id: "nation:gbr", name: "United Kingdom of Great Britain and Northern Ireland", iso3: "GBR",
         evidence: [{ source: "${SOURCE}", excerpt: "led by France and Britain" }] }) { name aliases } }`,
      {},
      as(keys.editor),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.upsertNation.name).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(response.data.upsertNation.aliases).toEqual(expect.arrayContaining(['United Kingdom', 'Britain']));
  });

  describe('source texts', () => {
    const UPSERT_SOURCE = `mutation Upsert($input: SourceInput!) {
      upsertSource(input: $input) { id title text }
    }`;
    const sourceInput = (id: string, text: string, title = 'A test source') => ({
      id,
      title,
      publisher: 'Test Wire',
      publishedAt: '2025-04-12',
      text,
    });

    it('keeps the text of a stored source: a different text is BAD_USER_INPUT and changes nothing', async () => {
      const read = `{ node(id: "${SOURCE}") { ... on Source { title publisher publishedAt url text } } }`;
      const stored = (await api.query<Data>(read)).data.node;
      const before = await graphCounts(api.api);

      const changed = await api.query(
        UPSERT_SOURCE,
        { input: { ...stored, id: SOURCE, text: `${stored.text} And one more sentence.` } },
        as(keys.editor),
      );
      expect(errorCodes(changed)).toEqual(['BAD_USER_INPUT']);
      expect(changed.errors![0].message).toMatch(/already has a different text/);
      expect((await api.query<Data>(read)).data.node).toEqual(stored);
      expect(await graphCounts(api.api)).toEqual(before);

      // Metadata may still be corrected while the text stays the same.
      const corrected = await api.query<Data>(
        UPSERT_SOURCE,
        { input: { ...stored, id: SOURCE, title: `${stored.title} (corrected)` } },
        as(keys.editor),
      );
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data.upsertSource).toEqual({
        id: SOURCE,
        title: `${stored.title} (corrected)`,
        text: stored.text,
      });
    });

    it('refuses a source id the import format would refuse: BAD_USER_INPUT naming input.id, nothing written', async () => {
      const before = await graphCounts(api.api);
      const response = await api.query(
        UPSERT_SOURCE,
        { input: sourceInput('source:Not_A_Slug', 'Some text.') },
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(/^`id` must be an id like "source:some-slug"/);
      expect(response.errors![0].extensions?.argument).toBe('input.id');
      expect(await graphCounts(api.api)).toEqual(before);
    });

    it('lets exactly one of 20 concurrent creates of a source with different texts win', async () => {
      const id = 'source:test-concurrent-texts';
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.query<Data>(UPSERT_SOURCE, { input: sourceInput(id, `Text number ${i}.`) }, as(keys.editor)),
        ),
      );
      const won = responses.filter((response) => response.errors === undefined);
      expect(won).toHaveLength(1);
      expect(responses.flatMap(errorCodes)).toEqual(Array(19).fill('BAD_USER_INPUT'));
      const stored = await api.query<Data>(`{ node(id: "${id}") { ... on Source { text } } }`);
      expect(stored.data.node.text).toBe(won[0].data.upsertSource.text);
    });
  });

  it('refuses to retract an entity such as an official: BAD_USER_INPUT, and changes nothing', async () => {
    const before = await graphCounts(api.api);
    const auditBefore = await api.query<Data>('{ retractions { totalCount } }');
    const response = await api.query(
      'mutation { retract(id: "official:pal-jonson", reason: "Not a fact") { id } }',
      {},
      as(keys.admin),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/meeting, statement, position or role/);
    expect(await graphCounts(api.api)).toEqual(before);
    expect((await api.query<Data>('{ retractions { totalCount } }')).data).toEqual(auditBefore.data);

    // The official and the facts that point at them still read as before.
    const after = await api.query<Data>(
      '{ node(id: "official:pal-jonson") { id } statements(filter: { speaker: "official:pal-jonson" }) { nodes { speaker { name } } } }',
    );
    expect(after.errors).toBeUndefined();
    expect(after.data.node).toEqual({ id: 'official:pal-jonson' });
    expect(after.data.statements.nodes.length).toBeGreaterThan(0);
    for (const statement of after.data.statements.nodes)
      expect(statement.speaker).toEqual({ name: 'Pål Jonson' });
  });

  it('retracts a fact with an audit trail, leaving it out of normal reads', async () => {
    const retract =
      'mutation { retract(id: "statement:healey-thirty-countries", reason: "Duplicate of the meeting record") { id factId reason retractedBy retractedAt } }';
    const first = await api.query<Data>(retract, {}, as(keys.admin));
    expect(first.errors).toBeUndefined();
    expect(first.data.retract).toMatchObject({
      factId: 'statement:healey-thirty-countries',
      reason: 'Duplicate of the meeting record',
      retractedBy: 'test-admin',
    });

    const gone = await api.query<Data>(
      '{ node(id: "statement:healey-thirty-countries") { id } statements(filter: { speaker: "official:john-healey" }) { totalCount } }',
    );
    expect(errorCodes(gone)).toEqual(['NOT_FOUND']);
    const list = await api.query<Data>(
      '{ statements(filter: { speaker: "official:john-healey" }) { totalCount nodes { id } } }',
    );
    expect(list.data.statements.nodes.map((n: Data) => n.id)).not.toContain(
      'statement:healey-thirty-countries',
    );

    const again = await api.query<Data>(
      retract.replace('Duplicate of the meeting record', 'another reason'),
      {},
      as(keys.admin),
    );
    expect(again.data.retract).toEqual(first.data.retract);
    const audit = await api.query<Data>('{ retractions { totalCount nodes { factId reason retractedBy } } }');
    // One entry for the fact however often it was retracted (other tests retract other facts).
    const entries = audit.data.retractions.nodes.filter(
      (n: Data) => n.factId === 'statement:healey-thirty-countries',
    );
    expect(entries).toEqual([
      {
        factId: 'statement:healey-thirty-countries',
        reason: 'Duplicate of the meeting record',
        retractedBy: 'test-admin',
      },
    ]);
    expect(audit.data.retractions.totalCount).toBe(audit.data.retractions.nodes.length);
  });
});
