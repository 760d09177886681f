/**
 * What one client can hold, tried as an attacker would over real HTTP against the real Neo4j:
 * bookmarks it forges, bursts of requests that wait on the database, page sizes passed as variables
 * to dodge the cost limit, and answers too large to send (issue #12).
 */
import { GraphDatabase } from '../src/graph/database';
import { createLogger } from '../src/logger';
import { BookmarkSeal } from '../src/server/bookmark-seal';
import { futureBookmark } from './helpers/bookmarks';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const SECRET = 'test-bookmark-secret-of-at-least-32-characters';
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('bookmarks', () => {
  let api: TestApi;
  const keys = testKeys();
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    api = await startTestApi({
      env: {
        API_KEYS: keys.env,
        BOOKMARK_SECRET: SECRET,
        // Small, so the flood below drains quickly: 2 at a time and 2 waiting per client.
        CLIENT_CONCURRENT_QUERIES: '2',
        CLIENT_QUEUED_QUERIES: '2',
      },
    });
  });
  afterAll(() => api.stop());

  async function writeAndGetBookmarks(text: string): Promise<string[]> {
    const response = await api.query<Data>(
      `mutation R($input: StatementInput!) { recordStatement(input: $input) { id } }`,
      {
        input: {
          kind: 'PARAPHRASE',
          text,
          speaker: 'official:pal-jonson',
          date: '2025-04-10',
          evidence: [{ source: SOURCE, excerpt: EXCERPT }],
        },
      },
      as(keys.editor),
    );
    expect(response.errors).toBeUndefined();
    return response.extensions!.bookmarks as string[];
  }

  it('hands out sealed bookmarks, and a read that sends them back sees the write', async () => {
    const bookmarks = await writeAndGetBookmarks('A bookmark test statement.');
    expect(bookmarks.length).toBeGreaterThan(0);
    for (const bookmark of bookmarks) expect(bookmark).toMatch(/^dgb1\.[\w-]+\.[\w-]+$/);
    const read = await api.query<Data>(
      '{ statements(filter: { text: "bookmark test statement" }) { nodes { text } } }',
      {},
      { 'neo4j-bookmarks': bookmarks.join(',') },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.statements.nodes).toEqual([{ text: 'A bookmark test statement.' }]);
  });

  it.each([
    ['a raw Neo4j bookmark', 'FB:kcwQJPxdofNBRAmBBoyeSltfNQWQ'],
    ['garbage', 'not a bookmark at all'],
    ['a sealed bookmark with another seal', `dgb1.${Buffer.from('FB:x').toString('base64url')}.AAAA`],
  ])('refuses %s before any read: BAD_USER_INPUT, HTTP 400', async (_what, header) => {
    const read = jest.spyOn(api.api.db, 'read');
    try {
      const response = await api.query('{ nations { totalCount } }', {}, { 'neo4j-bookmarks': header });
      expect(response.status).toBe(400);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('did not issue');
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('refuses a sealed bookmark whose content was changed to name a future transaction', async () => {
    const [sealed] = await writeAndGetBookmarks('A statement whose bookmark is tampered with.');
    const [prefix, , mac] = sealed.split('.');
    const real = new BookmarkSeal(SECRET).open(sealed)!;
    const tampered = `${prefix}.${Buffer.from(futureBookmark(real)).toString('base64url')}.${mac}`;
    const response = await api.query('{ nations { totalCount } }', {}, { 'neo4j-bookmarks': tampered });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('after a burst of 200 forged-bookmark requests, a normal query answers within 1 s and /ready stays 200', async () => {
    const forged = 'FB:kcwQJPxdofNBRAmBBoyeSltfNQWQ';
    const burst = await Promise.all(
      Array.from({ length: 200 }, () =>
        api.query('{ nations { totalCount } }', {}, { 'neo4j-bookmarks': forged }),
      ),
    );
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([400]));
    const normal = await timed(() => api.query<Data>('{ nations { totalCount } }'));
    expect(normal.result.errors).toBeUndefined();
    expect(normal.ms).toBeLessThan(1000);
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
  });

  it('a flood of reads that wait on the database (bookmarks for a transaction that never comes) holds only its own share', async () => {
    // As if the seal's secret had leaked: 200 validly sealed bookmarks for a future transaction,
    // each making its read wait on the database. One client gets 2 running and 2 waiting.
    const seal = new BookmarkSeal(SECRET);
    const [sealed] = await writeAndGetBookmarks('A statement whose bookmark is pushed into the future.');
    const waiting = seal.seal(futureBookmark(seal.open(sealed)!));
    const flood = Promise.all(
      Array.from({ length: 200 }, () =>
        api.query('{ nations { totalCount } }', {}, { 'neo4j-bookmarks': waiting }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Meanwhile another client (an API key) and the readiness probe are served at once.
    const other = await timed(() => api.query<Data>('{ nations { totalCount } }', {}, as(keys.reader)));
    expect(other.result.errors).toBeUndefined();
    expect(other.ms).toBeLessThan(1000);
    const ready = await timed(() => fetch(`${api.url}/ready`));
    expect(ready.result.status).toBe(200);
    expect(ready.ms).toBeLessThan(1000);

    const answers: GraphQLResponse[] = await flood;
    const codes = answers.map((response) => errorCodes(response)[0]);
    const tally = Object.fromEntries(
      [...new Set(codes)].map((code) => [code, codes.filter((c) => c === code).length]),
    );
    process.stdout.write(`bookmark flood: 200 requests answered ${JSON.stringify(tally)}\n`);
    // 4 were let in, and their wait on the database ended in a few seconds as SERVICE_UNAVAILABLE;
    // every other one was told to slow down.
    expect(codes.filter((code) => code === 'SERVICE_UNAVAILABLE')).toHaveLength(4);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(196);
    const limited = answers.find((response) => errorCodes(response)[0] === 'RATE_LIMITED')!;
    expect(limited.status).toBe(429);
    expect(limited.errors![0].message).toMatch(/at most 2 database operations run and 2 wait per client/);
  }, 60_000);
});

describe('cost and size of an answer', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { MAX_RESPONSE_KB: '16' } });
  });
  afterAll(() => api.stop());

  /** Answered or refused, with the number of Cypher statements that ran meanwhile. */
  async function counting(query: string, variables: Record<string, unknown> = {}) {
    const read = jest.spyOn(api.api.db, 'read');
    try {
      const response = await api.query<Data>(query, variables);
      return { response, statements: read.mock.calls.length };
    } finally {
      read.mockRestore();
    }
  }

  const NESTED = `query Nested($n: Int) {
    meetings(first: $n) { nodes { participants(first: $n) { name ... on Nation {
      meetings(first: $n) { nodes { title participants(first: $n) { name } } } } } } }
  }`;

  it('counts `first` passed as a variable at its value: refused before any Cypher runs', async () => {
    const { response, statements } = await counting(NESTED, { n: 100 });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.status).toBe(400);
    expect(response.errors![0].message).toMatch(/could return \d+ values, over the limit of 50000/);
    expect(response.errors![0].extensions!.cost).toBeGreaterThan(1_000_000);
    expect(statements).toBe(0);
  });

  it('counts an omitted `first` at its default of 20, and the same query with small pages runs', async () => {
    const refused = await counting(NESTED, {});
    expect(errorCodes(refused.response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.statements).toBe(0);
    const answered = await counting(NESTED, { n: 5 });
    expect(answered.response.errors).toBeUndefined();
    expect(answered.statements).toBeGreaterThan(0);
  });

  it('weighs a source text as an article: excerpts with their whole sources, in lists of lists, are refused', async () => {
    const query = `{ statements(first: 50) { nodes { evidence(first: 20) { source { text } } } } }`;
    const { response, statements } = await counting(query);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(statements).toBe(0);
  });

  it('replaces an answer over the size ceiling by an error that says how to ask for less', async () => {
    // The seed's statements, each with its source's whole text (~5 KB): over this server's 16 KB.
    const response = await api.query<Data>(
      '{ statements(first: 20) { nodes { evidence(first: 1) { source { text } } } } }',
    );
    expect(response.data).toBeUndefined();
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors![0].message).toMatch(/over the limit of 16 KB/);
    expect(response.errors![0].extensions!.responseBytes).toBeGreaterThan(16 * 1024);
    // The same with one statement fits.
    const small = await api.query<Data>(
      '{ statements(first: 1) { nodes { evidence(first: 1) { source { text } } } } }',
    );
    expect(small.errors).toBeUndefined();
    expect(small.data.statements.nodes[0].evidence[0].source.text.length).toBeGreaterThan(1000);
  });

  it('keeps /health fast while accepted heavy queries run', async () => {
    const heavy = `{ organizations { nodes { name leadersWithEvidence { leader { name } evidence { excerpt source { title } } }
      members { name } } } }`;
    const load = Promise.all(Array.from({ length: 30 }, () => api.query(heavy)));
    const health = await timed(() => fetch(`${api.url}/health`));
    expect(health.result.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    for (const response of await load) expect(response.errors).toBeUndefined();
  });
});

describe('read time limit', () => {
  it('stops a read that runs past READ_TIMEOUT_MS and says so: QUERY_TOO_COMPLEX', async () => {
    const db = new GraphDatabase({
      uri: process.env.NEO4J_URI!,
      user: 'neo4j',
      password: 'neo4j',
      database: 'neo4j',
      logger: createLogger('silent'),
      readTimeoutMs: 200,
    });
    try {
      const error = await db
        .read({ cypher: 'UNWIND range(1, 1000000000) AS x RETURN count(x) AS n', params: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
      expect((error as Error).message).toMatch(/ran longer than 0.2 s/);
    } finally {
      await db.close();
    }
  });
});
