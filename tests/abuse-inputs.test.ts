/**
 * The smaller findings of the adversarial review (issue 12): inputs the API took, stored or answered
 * badly. Each is now refused with a typed error that says what to fix, before any Cypher runs or
 * anything is stored, and a key sent where it shouldn't be never reaches the logs.
 */
import { Writable } from 'node:stream';
import neo4j, { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { ErrorCode } from '../src/errors';
import { clientErrorFor, GraphDatabase } from '../src/graph/database';
import { MAX_SEARCH_TERMS, MAX_SEARCH_TEXT_LENGTH } from '../src/graph/text';
import { validateDocument } from '../src/ingest/document.validate';
import { loadDocumentsFromPath } from '../src/ingest/import';
import { createLogger } from '../src/logger';
import { seedDocument, writeDocument, type Json } from './helpers/documents';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { graphCounts, startTestApi, testKeys, type TestApi } from './helpers/start-api';

const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT = 'US involvement in the mission';

/** `n` distinct short words, e.g. "w0 w1 w2". */
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

/** A new document (its own source id) holding only what `sections` gives, with the seed's text. */
function documentWith(sections: Record<string, unknown>, source: Record<string, unknown> = {}): Json {
  const seed = seedDocument();
  return { format: seed.format, source: { ...seed.source, id: 'source:abuse-test', ...source }, ...sections };
}

describe('abusive inputs', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );

  beforeAll(async () => {
    api = await startTestApi({ logger, env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  /** Sends a query and counts the statements run meanwhile at the one gateway to Neo4j. */
  async function queryCountingCypher(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<{ response: GraphQLResponse; statements: number }> {
    const read = jest.spyOn(api.api.db, 'read');
    const write = jest.spyOn(api.api.db, 'write');
    try {
      const response = await api.query(query, variables, headers);
      return { response, statements: read.mock.calls.length + write.mock.calls.length };
    } finally {
      read.mockRestore();
      write.mockRestore();
    }
  }

  /** Refused as BAD_USER_INPUT with a message matching `message`, and no Cypher ran for it. */
  async function expectRefusedBeforeCypher(
    query: string,
    variables: Record<string, unknown>,
    message: RegExp,
  ): Promise<GraphQLResponse> {
    const { response, statements } = await queryCountingCypher(query, variables);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(message);
    expect(statements).toBe(0);
    return response;
  }

  describe('an API key in the query string', () => {
    it('is not accepted, and never written to the request log', async () => {
      const mutation = 'mutation { retract(id: "statement:healey-thirty-countries", reason: "test") { id } }';
      const post = await fetch(`${api.url}/graphql?api_key=${keys.admin}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: mutation }),
      });
      expect(post.status).toBe(401);
      expect((await post.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const get = await fetch(
        `${api.url}/graphql?query=${encodeURIComponent('{ nations { totalCount } }')}&api_key=${keys.editor}&${keys.reader}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      );
      expect(get.status).toBe(200);

      // The request log is written when each response finishes: wait for both lines.
      const deadline = Date.now() + 5_000;
      while (lines.filter((line) => line.includes('api_key=[redacted]')).length < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const all = lines.join('\n');
      expect(all).toContain('"url":"/graphql?api_key=[redacted]"');
      expect(all).toContain('"url":"/graphql?query=[redacted]&api_key=[redacted]&[redacted]"');
      expect(all).not.toContain(keys.admin);
      expect(all).not.toContain(keys.editor);
      expect(all).not.toContain(keys.reader);
    });
  });

  describe('full-text filters and search', () => {
    const STATEMENTS = 'query ($text: String!) { statements(filter: { text: $text }) { totalCount } }';
    const SEARCH = 'query ($text: String!) { search(text: $text) { score } }';

    it.each([
      ['statements(filter: { text })', STATEMENTS],
      ['search(text)', SEARCH],
    ])('%s: more than the word limit is BAD_USER_INPUT before any Cypher runs', async (_name, query) => {
      const tooMany = words(MAX_SEARCH_TERMS + 1);
      expect(tooMany.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_LENGTH);
      const response = await expectRefusedBeforeCypher(
        query,
        { text: tooMany },
        /too many words: at most 32/,
      );
      expect(response.errors![0].extensions?.argument).toBe('text');
      // Lucene's own limit is 1,024 clauses: this used to be an INTERNAL_SERVER_ERROR.
      await expectRefusedBeforeCypher(query, { text: words(1025) }, /too long: at most 200 characters/);
    });

    it.each([
      ['statements(filter: { text })', STATEMENTS],
      ['search(text)', SEARCH],
    ])('%s: at the word limit is answered', async (_name, query) => {
      const { response, statements } = await queryCountingCypher(query, { text: words(MAX_SEARCH_TERMS) });
      expect(response.errors).toBeUndefined();
      expect(statements).toBeGreaterThan(0);
    });
  });

  describe('name filters', () => {
    const huge = 'a'.repeat(500_000);
    it.each([
      ['nations(filter: { name })', 'query ($t: String!) { nations(filter: { name: $t }) { totalCount } }'],
      [
        'officials(filter: { name })',
        'query ($t: String!) { officials(filter: { name: $t }) { totalCount } }',
      ],
      [
        'organizations(filter: { name })',
        'query ($t: String!) { organizations(filter: { name: $t }) { totalCount } }',
      ],
      ['topics(filter: { name })', 'query ($t: String!) { topics(filter: { name: $t }) { totalCount } }'],
      [
        'meetings(filter: { place })',
        'query ($t: String!) { meetings(filter: { place: $t }) { totalCount } }',
      ],
      [
        'positions(filter: { topic })',
        'query ($t: String!) { positions(filter: { topic: $t }) { totalCount } }',
      ],
    ])('%s: 500,000 characters is BAD_USER_INPUT before any Cypher runs', async (_name, query) => {
      await expectRefusedBeforeCypher(
        query,
        { t: huge },
        /is too long: at most 200 characters \(got 500000\)/,
      );
    });

    it('takes a name of exactly 200 characters', async () => {
      const name = `Kiev${' '.repeat(MAX_SEARCH_TEXT_LENGTH - 4)}`;
      const response = await api.query<{ nations: { nodes: { id: string }[] } }>(
        'query ($name: String!) { nations(filter: { name: $name }) { nodes { id } } }',
        { name },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.nations.nodes.map((nation) => nation.id)).toEqual(['nation:ukr']);
    });
  });

  describe('source urls', () => {
    const UPSERT_SOURCE = `mutation ($url: String) { upsertSource(input: { id: "source:abuse-test-url",
      title: "Test", publisher: "Test Wire", publishedAt: "2025-05-01", url: $url,
      text: "A short report about nothing much at all." }) { id url } }`;

    it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/report'])(
      'upsertSource refuses %s, naming the field, and stores nothing',
      async (url) => {
        const before = await graphCounts(api.api);
        const response = await api.query(UPSERT_SOURCE, { url }, as(keys.editor));
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].message).toMatch(/`url` must be an http\(s\) URL/);
        expect(response.errors![0].extensions?.argument).toBe('input.url');
        expect(await graphCounts(api.api)).toEqual(before);
      },
    );

    it('upsertSource takes an https url', async () => {
      const response = await api.query<{ upsertSource: { url: string } }>(
        UPSERT_SOURCE,
        { url: 'https://example.org/report' },
        as(keys.editor),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.upsertSource.url).toBe('https://example.org/report');
    });

    it('importDocument and npm run import refuse a javascript: url, naming source.url', async () => {
      const document = documentWith({}, { url: 'javascript:alert(1)' });
      const before = await graphCounts(api.api);
      const response = await api.query(
        'mutation ($document: JSONObject!) { importDocument(document: $document) { status } }',
        { document },
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions?.problems).toEqual([
        { record: 'source', field: 'url', message: expect.stringMatching(/must be an http\(s\) URL/) },
      ]);
      const summary = await loadDocumentsFromPath(api.api.db, writeDocument('bad-url.json', document));
      expect(summary.failed).toBe(1);
      expect(summary.errors).toEqual([expect.objectContaining({ record: 'source', field: 'url' })]);
      expect(await graphCounts(api.api)).toEqual(before);
    });
  });

  describe('request bodies that are not UTF-8', () => {
    /** Posts JSON text with `bytes` spliced in where the text says @BYTES@. */
    const postBytes = (json: string, bytes: Buffer, headers: Record<string, string> = {}) => {
      const [before, after] = json.split('@BYTES@');
      return fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]),
      });
    };
    const upsertTopic = JSON.stringify({
      query: `mutation ($name: String!) { upsertTopic(input: { id: "topic:abuse-test-bytes", name: $name,
        evidence: [{ source: "${SOURCE}", excerpt: "${EXCERPT}" }] }) { id name } }`,
      variables: { name: 'Topic @BYTES@' },
    });

    it('refuses invalid UTF-8 with 400 and a GraphQL error, and stores nothing', async () => {
      const before = await graphCounts(api.api);
      const response = await postBytes(upsertTopic, Buffer.from([0xc3, 0x28, 0xff]), as(keys.editor));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'The request body is not valid UTF-8: send the JSON encoded as UTF-8.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      expect(await graphCounts(api.api)).toEqual(before);
    });

    it('takes valid multi-byte UTF-8', async () => {
      const response = await postBytes(upsertTopic, Buffer.from('Häkkänen’s topic', 'utf8'), as(keys.editor));
      expect(response.status).toBe(200);
      expect((await response.json()).data.upsertTopic.name).toBe('Topic Häkkänen’s topic');
    });
  });

  describe('evidence excerpts', () => {
    const RECORD_STATEMENT = `mutation ($excerpt: String!) { recordStatement(input: { kind: PARAPHRASE,
      text: "Abuse test statement.", speaker: "official:john-healey",
      evidence: [{ source: "${SOURCE}", excerpt: $excerpt }] }) { id } }`;

    it('every excerpt of the seed passes the minimum', () => {
      expect(validateDocument(seedDocument(), 'seed').ok).toBe(true);
    });

    it.each([
      ['a', /evidence\[0\]\.excerpt: must be at least 8 characters/],
      ['Brussels', /evidence\[0\]\.excerpt: must hold at least 2 words/],
    ])('recordStatement refuses the excerpt "%s" and stores nothing', async (excerpt, message) => {
      const before = await graphCounts(api.api);
      const response = await api.query(RECORD_STATEMENT, { excerpt }, as(keys.editor));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(message);
      expect(await graphCounts(api.api)).toEqual(before);
    });

    it('npm run import refuses a one-character excerpt, naming the field', async () => {
      const document = seedDocument();
      document.positions[0].evidence[0].excerpt = 'a';
      const summary = await loadDocumentsFromPath(api.api.db, writeDocument('short.json', document));
      expect(summary.failed).toBe(1);
      expect(summary.errors).toEqual([
        expect.objectContaining({
          record: document.positions[0].id,
          field: 'evidence[0].excerpt',
          message: expect.stringMatching(/at least 8 characters/),
        }),
      ]);
    });
  });

  describe('topics broader than themselves', () => {
    it('upsertTopic refuses broader = its own id, naming `broader`, and stores nothing', async () => {
      const before = await graphCounts(api.api);
      const response = await api.query(
        `mutation { upsertTopic(input: { id: "topic:abuse-test-self", name: "Self", broader: "topic:abuse-test-self",
           evidence: [{ source: "${SOURCE}", excerpt: "${EXCERPT}" }] }) { id } }`,
        {},
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions?.problems).toEqual([
        {
          record: 'topic:abuse-test-self',
          field: 'broader',
          message: 'must not be the topic itself: a topic cannot be broader than itself',
        },
      ]);
      expect(await graphCounts(api.api)).toEqual(before);
    });

    it('importDocument refuses a cycle of broader topics within the document', async () => {
      const before = await graphCounts(api.api);
      const document = documentWith({
        topics: [
          { id: 'topic:abuse-test-a', name: 'A', broader: 'topic:abuse-test-b' },
          { id: 'topic:abuse-test-b', name: 'B', broader: 'topic:abuse-test-a' },
        ],
      });
      const response = await api.query(
        'mutation ($document: JSONObject!) { importDocument(document: $document) { status } }',
        { document },
        as(keys.editor),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions?.problems).toEqual([
        {
          record: 'topic:abuse-test-a',
          field: 'broader',
          message: expect.stringContaining(
            'makes a cycle (topic:abuse-test-a -> topic:abuse-test-b -> topic:abuse-test-a)',
          ),
        },
        expect.objectContaining({ record: 'topic:abuse-test-b', field: 'broader' }),
      ]);
      expect(await graphCounts(api.api)).toEqual(before);
    });
  });

  describe('HTTP status of refused writes', () => {
    const RETRACT = 'mutation { retract(id: "statement:healey-thirty-countries", reason: "test") { id } }';

    it('a mutation without a key is HTTP 401 UNAUTHENTICATED', async () => {
      const response = await api.query(RETRACT);
      expect(response.status).toBe(401);
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
      expect(response.errors![0].message).toMatch(/needs an API key with the admin role/);
    });

    it('a mutation with a key whose role is too low is HTTP 403 FORBIDDEN', async () => {
      const response = await api.query(RETRACT, {}, as(keys.editor));
      expect(response.status).toBe(403);
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    });

    it('a read without a key is still answered (REQUIRE_KEY_FOR_READS is off)', async () => {
      const response = await api.query('{ nations { totalCount } }');
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
    });
  });
});

describe('database errors a client can act on', () => {
  const error = (code: string, message = 'from the driver') =>
    new Neo4jError(message, code, '50N42', 'error: general processing exception');

  it('maps a bookmark wait timeout to SERVICE_UNAVAILABLE, saying to retry', () => {
    const mapped = clientErrorFor(error('Neo.TransientError.Transaction.BookmarkTimeout'));
    expect(mapped?.extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(mapped?.message).toMatch(/Neo4j-Bookmarks.*retry/);
  });

  it.each([
    'Neo.ClientError.Transaction.InvalidBookmark',
    'Neo.ClientError.Transaction.InvalidBookmarkMixture',
  ])('maps %s to BAD_USER_INPUT naming the header', (code) => {
    const mapped = clientErrorFor(error(code));
    expect(mapped?.extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(mapped?.message).toMatch(
      /^The Neo4j-Bookmarks header holds a bookmark this database did not issue/,
    );
  });

  it('leaves other driver errors alone', () => {
    expect(clientErrorFor(error('Neo.ClientError.Statement.SyntaxError'))).toBeUndefined();
    expect(clientErrorFor(new Error('Connection acquisition timed out'))).toBeUndefined();
  });

  const database = (maxConnectionPoolSize?: number) =>
    new GraphDatabase({
      uri: process.env.NEO4J_URI!,
      user: 'neo4j',
      password: 'neo4j',
      database: 'neo4j',
      logger: createLogger('silent'),
      maxConnectionPoolSize,
    });

  it('maps the real Neo4j refusal of a made-up bookmark to BAD_USER_INPUT', async () => {
    const db = database();
    try {
      const failure = await db
        .read({ cypher: 'RETURN 1 AS one', params: {} }, { bookmarks: ['not-a-bookmark'] })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT } });
    } finally {
      await db.close();
    }
  });

  it('maps a real connection-pool acquisition timeout to SERVICE_UNAVAILABLE', async () => {
    const db = database(1);
    // Holds the pool's only connection in an open transaction.
    const holder = db.driver.session({ defaultAccessMode: neo4j.session.READ });
    const transaction = await holder.beginTransaction();
    try {
      const failure = await db.read({ cypher: 'RETURN 1 AS one', params: {} }).catch((e: unknown) => e);
      expect(failure).toMatchObject({
        message: 'Every database connection is busy with other requests; retry in a few seconds.',
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      });
    } finally {
      await transaction.rollback();
      await holder.close();
      await db.close();
    }
  });
});
