/**
 * Read-your-writes for every mutation, through a routing driver (`neo4j://`, as against a cluster):
 * each mutation hands back sealed bookmarks in `extensions.bookmarks`, and a read that sends them in
 * `Neo4j-Bookmarks` sees the write. And bookmarks in: a write waits for the client's bookmarks.
 */
import type { GraphDatabase, RunOptions, WriteTransaction } from '../src/graph/database';
import { GraphWriter } from '../src/graph/graph-writer';
import { QueryStats } from '../src/graph/query-stats';
import { BookmarkSeal } from '../src/server/bookmark-seal';
import { futureBookmark } from './helpers/bookmarks';
import { seedDocument } from './helpers/documents';
import { errorCodes } from './helpers/graphql';
import { graphCounts, startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const SECRET = 'test-bookmark-secret-of-at-least-32-characters';
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const SEALED = /^dgb1\.[\w-]+\.[\w-]+$/;
const evidence = (excerpt: string) => [{ source: SOURCE, excerpt }];

interface MutationCase {
  role: 'editor' | 'admin';
  mutation: string;
  variables?: Record<string, unknown>;
  /** Writes what the case needs (or reads an earlier case's write) and returns its variables. */
  prepare?: (api: TestApi) => Promise<Record<string, unknown>>;
  /** A read that shows the write, and what it must answer. */
  read: string;
  shows: (data: Data) => void;
}

function importedDocument() {
  const document = seedDocument();
  return {
    format: document.format,
    source: {
      id: 'source:bookmark-test-import',
      title: 'Bookmark test import',
      publisher: 'Test Wire',
      publishedAt: '2025-04-12',
      text: 'The Ministry of Bookmarks met on Saturday to discuss read-your-writes.',
    },
    topics: [
      {
        id: 'topic:bookmark-import-topic',
        name: 'Read-your-writes',
        evidence: [{ excerpt: 'to discuss read-your-writes' }],
      },
    ],
  };
}

const MUTATIONS: Record<string, MutationCase> = {
  upsertSource: {
    role: 'editor',
    mutation: `mutation { upsertSource(input: { id: "source:bookmark-test-source", title: "Bookmark test source",
      publisher: "Test Wire", publishedAt: "2025-04-12", text: "A source written to test bookmarks." }) { id } }`,
    read: '{ node(id: "source:bookmark-test-source") { ... on Source { title text } } }',
    shows: (data) =>
      expect(data.node).toEqual({
        title: 'Bookmark test source',
        text: 'A source written to test bookmarks.',
      }),
  },
  upsertNation: {
    role: 'editor',
    mutation: `mutation U($evidence: [EvidenceInput!]!) { upsertNation(input: { id: "nation:swe", name: "Kingdom of Sweden",
      iso3: "SWE", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('his Sweden counterpart Pal Jonson') },
    read: '{ node(id: "nation:swe") { ... on Nation { name aliases } } }',
    shows: (data) => {
      expect(data.node.name).toBe('Kingdom of Sweden');
      expect(data.node.aliases).toContain('Sweden');
    },
  },
  upsertOfficial: {
    role: 'editor',
    mutation: `mutation U($evidence: [EvidenceInput!]!) { upsertOfficial(input: { id: "official:bookmark-test-official",
      name: "Bookmark Official", nation: "nation:gbr", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('UK Defence Secretary John Healey') },
    read: '{ node(id: "official:bookmark-test-official") { ... on Official { name nation { id } } } }',
    shows: (data) => expect(data.node).toEqual({ name: 'Bookmark Official', nation: { id: 'nation:gbr' } }),
  },
  upsertOrganization: {
    role: 'editor',
    mutation: `mutation U($evidence: [EvidenceInput!]!) { upsertOrganization(input: { id: "organization:bookmark-test",
      name: "Bookmark Group", kind: OTHER, evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('led by France and Britain') },
    read: '{ node(id: "organization:bookmark-test") { ... on Organization { name kind } } }',
    shows: (data) => expect(data.node).toEqual({ name: 'Bookmark Group', kind: 'OTHER' }),
  },
  upsertPlace: {
    role: 'editor',
    mutation: `mutation U($evidence: [EvidenceInput!]!) { upsertPlace(input: { id: "place:bookmark-test-venue",
      name: "Bookmark venue", kind: VENUE, within: "place:brussels", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('Brussels [Belgium]') },
    read: '{ node(id: "place:bookmark-test-venue") { ... on Place { name within { id } } } }',
    shows: (data) => expect(data.node).toEqual({ name: 'Bookmark venue', within: { id: 'place:brussels' } }),
  },
  upsertTopic: {
    role: 'editor',
    mutation: `mutation U($evidence: [EvidenceInput!]!) { upsertTopic(input: { id: "topic:bookmark-test-topic",
      name: "Bookmark planning", broader: "topic:support-for-ukraine", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('support plans for Ukraine') },
    read: '{ node(id: "topic:bookmark-test-topic") { ... on Topic { name broader { id } } } }',
    shows: (data) =>
      expect(data.node).toEqual({ name: 'Bookmark planning', broader: { id: 'topic:support-for-ukraine' } }),
  },
  recordMeeting: {
    role: 'editor',
    mutation: `mutation R($evidence: [EvidenceInput!]!) { recordMeeting(input: { id: "meeting:2025-04-10-bookmark-test",
      title: "Bookmark meeting", date: "2025-04-10", status: HELD, place: "place:brussels", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('met at NATO headquarters in Brussels') },
    read: '{ node(id: "meeting:2025-04-10-bookmark-test") { ... on Meeting { title place { id } } } }',
    shows: (data) =>
      expect(data.node).toEqual({ title: 'Bookmark meeting', place: { id: 'place:brussels' } }),
  },
  recordStatement: {
    role: 'editor',
    mutation: `mutation R($evidence: [EvidenceInput!]!) { recordStatement(input: { id: "statement:bookmark-test",
      kind: PARAPHRASE, text: "Bookmarks make reads see writes.", speaker: "official:pal-jonson", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('his Sweden counterpart Pal Jonson') },
    read: '{ statements(filter: { speaker: "official:pal-jonson" }, first: 100) { nodes { id text } } }',
    shows: (data) =>
      expect(data.statements.nodes).toContainEqual({
        id: 'statement:bookmark-test',
        text: 'Bookmarks make reads see writes.',
      }),
  },
  recordPosition: {
    role: 'editor',
    mutation: `mutation R($evidence: [EvidenceInput!]!) { recordPosition(input: { id: "position:bookmark-test",
      stance: SUPPORTS, holder: "official:pal-jonson", topic: "topic:support-for-ukraine",
      summary: "Supports reading writes back.", evidence: $evidence }) { id } }`,
    variables: { evidence: evidence('his Sweden counterpart Pal Jonson') },
    read: '{ node(id: "position:bookmark-test") { ... on Position { stance summary topic { id } } } }',
    shows: (data) =>
      expect(data.node).toEqual({
        stance: 'SUPPORTS',
        summary: 'Supports reading writes back.',
        topic: { id: 'topic:support-for-ukraine' },
      }),
  },
  importDocument: {
    role: 'editor',
    mutation: 'mutation I($document: JSONObject!) { importDocument(document: $document) { status } }',
    variables: { document: importedDocument() },
    read: `{ source: node(id: "source:bookmark-test-import") { ... on Source { title } }
             topic: node(id: "topic:bookmark-import-topic") { ... on Topic { name } } }`,
    shows: (data) =>
      expect(data).toEqual({
        source: { title: 'Bookmark test import' },
        topic: { name: 'Read-your-writes' },
      }),
  },
  retract: {
    role: 'admin',
    mutation:
      'mutation { retract(id: "statement:healey-mission-objectives", reason: "Bookmark test") { id } }',
    read: `{ statements(filter: { speaker: "official:john-healey" }, first: 100) { nodes { id } }
             retractions(first: 100) { nodes { factId reason } } }`,
    shows: (data) => {
      expect(data.statements.nodes).not.toContainEqual({ id: 'statement:healey-mission-objectives' });
      expect(data.retractions.nodes).toContainEqual({
        factId: 'statement:healey-mission-objectives',
        reason: 'Bookmark test',
      });
    },
  },
  mergeEntities: {
    role: 'admin',
    mutation:
      'mutation { mergeEntities(keep: "place:nato-headquarters", merge: "place:bookmark-test-venue", reason: "Bookmark test") { id } }',
    read: '{ node(id: "place:bookmark-test-venue") { id } }',
    shows: (data) => expect(data.node).toEqual({ id: 'place:nato-headquarters' }),
  },
  undoMerge: {
    role: 'admin',
    mutation: 'mutation U($id: ID!) { undoMerge(id: $id, reason: "Bookmark test") { id } }',
    prepare: async (api) => {
      const [row] = await api.api.db.read({
        cypher: 'MATCH (r:MergeRecord {merged: "place:bookmark-test-venue"}) RETURN r.id AS id',
        params: {},
      });
      return { id: row.id };
    },
    read: '{ node(id: "place:bookmark-test-venue") { id } }',
    shows: (data) => expect(data.node).toEqual({ id: 'place:bookmark-test-venue' }),
  },
  gradePublisher: {
    role: 'editor',
    mutation:
      'mutation { gradePublisher(publisher: "Qatar Tribune", grade: B, evidence: "Bookmark test") { id } }',
    read: `{ node(id: "${SOURCE}") { ... on Source { publisherDetail { reliability } } } }`,
    shows: (data) => expect(data.node).toEqual({ publisherDetail: { reliability: 'B' } }),
  },
  assessCredibility: {
    role: 'editor',
    mutation:
      'mutation { assessCredibility(fact: "statement:healey-reassurance-force", credibility: 2, evidence: "Bookmark test") { id } }',
    read: '{ node(id: "statement:healey-reassurance-force") { ... on Statement { credibility } } }',
    shows: (data) => expect(data.node).toEqual({ credibility: 2 }),
  },
  dismissDuplicate: {
    role: 'editor',
    mutation: `mutation { dismissDuplicate(a: "meeting:2025-04-10-coalition-of-the-willing-brussels",
      b: "meeting:2025-04-11-ukraine-defence-contact-group-brussels", reason: "Bookmark test") { id } }`,
    prepare: async (api) => {
      await api.api.db.write((tx) =>
        tx.run({
          cypher: `MATCH (a:Meeting {id: 'meeting:2025-04-10-coalition-of-the-willing-brussels'}),
                         (b:Meeting {id: 'meeting:2025-04-11-ukraine-defence-contact-group-brussels'})
                   MERGE (a)-[:POSSIBLE_DUPLICATE {score: 4, reason: 'bookmark test', at: '2025-04-12T00:00:00Z'}]->(b)`,
          params: {},
        }),
      );
      return {};
    },
    read: '{ node(id: "meeting:2025-04-10-coalition-of-the-willing-brussels") { ... on Meeting { assessments { kind } } } }',
    shows: (data) => expect(data.node).toEqual({ assessments: [{ kind: 'NOT_DUPLICATE' }] }),
  },
};

describe('bookmarks of every mutation, through a routing driver', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (role: MutationCase['role']) => ({ authorization: `Bearer ${keys[role]}` });
  // The test Neo4j is one Community instance; asked for a routing table, it names itself.
  const routingUri = process.env.NEO4J_URI!.replace(/^bolt:\/\//, 'neo4j://');

  beforeAll(async () => {
    api = await startTestApi({
      neo4jUri: routingUri,
      env: { API_KEYS: keys.env, BOOKMARK_SECRET: SECRET },
    });
  });
  afterAll(() => api.stop());

  it('runs against a neo4j:// URI', () => {
    expect(routingUri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  });

  it('covers every mutation of the schema', async () => {
    const response = await api.query<Data>('{ __schema { mutationType { fields { name } } } }');
    const names = response.data.__schema.mutationType.fields.map((field: { name: string }) => field.name);
    expect(Object.keys(MUTATIONS).sort()).toEqual(names.sort());
  });

  it.each(Object.entries(MUTATIONS))(
    '%s returns sealed bookmarks, and a read sent with them sees the write',
    async (_name, { role, mutation, variables, prepare, read, shows }) => {
      const written = await api.query<Data>(mutation, prepare ? await prepare(api) : variables, as(role));
      expect(written.errors).toBeUndefined();
      const bookmarks = written.extensions?.bookmarks as string[];
      expect(bookmarks).toEqual(expect.any(Array));
      expect(bookmarks.length).toBeGreaterThan(0);
      for (const bookmark of bookmarks) expect(bookmark).toMatch(SEALED);

      const response = await api.query<Data>(read, {}, { 'neo4j-bookmarks': bookmarks.join(',') });
      expect(response.errors).toBeUndefined();
      shows(response.data);
    },
  );

  it('makes upsertSource and retract wait for the client’s bookmarks before writing', async () => {
    // Bookmarks for a transaction the database never reaches: a write that carries them waits
    // (3 s on the test Neo4j) and is refused; one that dropped them would just write.
    const seal = new BookmarkSeal(SECRET);
    const recorded = await api.query<Data>(
      MUTATIONS.recordStatement.mutation,
      MUTATIONS.recordStatement.variables,
      as('editor'),
    );
    const [sealed] = recorded.extensions!.bookmarks as string[];
    const waiting = { 'neo4j-bookmarks': seal.seal(futureBookmark(seal.open(sealed)!)) };
    const before = await graphCounts(api.api);

    const [source, retraction] = await Promise.all([
      api.query(
        `mutation { upsertSource(input: { id: "source:bookmark-never-written", title: "Never", publisher: "Test Wire",
          publishedAt: "2025-04-12", text: "This source must not be written." }) { id } }`,
        {},
        { ...as('editor'), ...waiting },
      ),
      api.query(
        'mutation { retract(id: "statement:healey-reassurance-force", reason: "Never") { id } }',
        {},
        { ...as('admin'), ...waiting },
      ),
    ]);
    expect(errorCodes(source)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(errorCodes(retraction)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await graphCounts(api.api)).toEqual(before);
  });
});

describe('GraphWriter', () => {
  /** A database that records what each write was asked to carry and hands out numbered bookmarks. */
  function recordingDatabase() {
    const calls: RunOptions[] = [];
    const db = {
      async write<T>(work: (tx: WriteTransaction) => Promise<T>, options: RunOptions = {}) {
        calls.push(options);
        const result = await work({
          run: async () => [],
          created: () => ({ nodes: 0, relationships: 0 }),
          noteChanges: () => undefined,
        });
        return { result, bookmarks: [`written-${calls.length}`] };
      },
    };
    return { db: db as unknown as GraphDatabase, calls };
  }

  it('sends the client’s bookmarks, stats and gate with every write, then its own earlier writes’ too', async () => {
    const { db, calls } = recordingDatabase();
    const stats = new QueryStats();
    const gate: RunOptions['gate'] = (work) => work();
    const writer = new GraphWriter(db, { stats, bookmarks: ['client'], gate });

    expect(await writer.write(async () => 'first')).toBe('first');
    await writer.write(async () => 'second');

    expect(calls).toEqual([
      { stats, gate, bookmarks: ['client'] },
      { stats, gate, bookmarks: ['client', 'written-1'] },
    ]);
    expect(writer.bookmarks).toEqual(['written-1', 'written-2']);
  });

  it('hands out no bookmarks before it has written', () => {
    expect(new GraphWriter(recordingDatabase().db).bookmarks).toEqual([]);
  });
});
