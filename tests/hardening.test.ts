/**
 * The endpoint facing the open network: each query limit passes at the limit and rejects one over
 * it before any Cypher runs; body size, batching, CORS, rate limit, introspection, and keys that
 * never reach the logs.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const LIMITS = { MAX_DEPTH: '5', MAX_ALIASES: '3', MAX_DIRECTIVES: '3', MAX_TOKENS: '120' };

/**
 * Cypher round trips the request reported in `extensions.queryStats`, which every response carries
 * outside production, refused ones included: a missing extension fails the test rather than reading as 0.
 */
function roundTrips(response: GraphQLResponse<unknown>): number {
  expect(response.extensions?.queryStats).toEqual({ roundTrips: expect.any(Number) });
  return (response.extensions!.queryStats as { roundTrips: number }).roundTrips;
}

/**
 * Sends a query and counts the statements the API ran meanwhile at its one gateway to Neo4j
 * (GraphDatabase.read and .write: nothing else in the API runs Cypher). Independent of the
 * extension, so "no Cypher ran" holds even if the per-request count were wrong.
 */
async function queryCountingCypher(
  api: TestApi,
  query: string,
): Promise<{ response: GraphQLResponse; statements: number }> {
  const read = jest.spyOn(api.api.db, 'read');
  const write = jest.spyOn(api.api.db, 'write');
  try {
    const response = await api.query(query);
    return { response, statements: read.mock.calls.length + write.mock.calls.length };
  } finally {
    read.mockRestore();
    write.mockRestore();
  }
}

/** The query passes, and runs Cypher: so the counts below can tell a refused query from an ignored one. */
async function expectAnsweredWithCypher(api: TestApi, query: string): Promise<void> {
  const { response, statements } = await queryCountingCypher(api, query);
  expect(response.errors).toBeUndefined();
  expect(statements).toBeGreaterThan(0);
  expect(roundTrips(response)).toBeGreaterThan(0);
}

/** The query is refused as too complex, and no Cypher ran for it (by both counts). */
async function expectRefusedWithoutCypher(api: TestApi, query: string): Promise<GraphQLResponse> {
  const { response, statements } = await queryCountingCypher(api, query);
  expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(statements).toBe(0);
  expect(roundTrips(response)).toBe(0);
  return response;
}

describe('query limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: LIMITS });
  });
  afterAll(() => api.stop());

  const cases: [string, string, string][] = [
    // depth: nations(1) > nodes(2) > officials(3) > nation(4) > name(5)
    [
      'depth',
      '{ nations { nodes { officials { nation { name } } } } }',
      '{ nations { nodes { officials { nation { officials { name } } } } } }',
    ],
    [
      'aliases',
      '{ a: nations { totalCount } b: nations { totalCount } c: nations { totalCount } }',
      '{ a: nations { totalCount } b: nations { totalCount } c: nations { totalCount } d: nations { totalCount } }',
    ],
    [
      'directives',
      '{ nations @include(if: true) { totalCount @include(if: true) nodes @skip(if: false) { id } } }',
      '{ nations @include(if: true) { totalCount @include(if: true) nodes @skip(if: false) { id @skip(if: false) } } }',
    ],
  ];

  it.each(cases)(
    '%s: at the limit passes, over it is QUERY_TOO_COMPLEX with no Cypher run',
    async (_name, atLimit, overLimit) => {
      await expectAnsweredWithCypher(api, atLimit);
      const rejected = await expectRefusedWithoutCypher(api, overLimit);
      expect(rejected.errors![0].message).toMatch(/limit of \d+ exceeded/);
    },
  );

  it('tokens: at the limit passes, over it is QUERY_TOO_COMPLEX with no Cypher run', async () => {
    // Find the largest query under MAX_TOKENS=120 by adding one token at a time.
    const query = (fields: number) => `{ nations { ${Array(fields).fill('totalCount').join(' ')} } }`;
    let largestAccepted = 0;
    for (let fields = 100; fields <= 125; fields += 1) {
      const response = await api.query(query(fields));
      if (response.errors) {
        await expectRefusedWithoutCypher(api, query(fields));
        expect(response.errors[0].message).toBe('Query token limit of 120 exceeded; shorten the query.');
        break;
      }
      largestAccepted = fields;
    }
    await expectAnsweredWithCypher(api, query(largestAccepted));
    // The boundary exists and sits at the limit: the accepted query has exactly 120 tokens.
    expect(largestAccepted).toBeGreaterThan(100);
    expect(largestAccepted).toBeLessThan(125);
    expect(largestAccepted + 5).toBe(120); // `{ nations { ... } }` adds 5 tokens to the fields
  });

  it('cost: at the limit passes, over it is QUERY_TOO_COMPLEX with no Cypher run', async () => {
    const query = '{ nations { nodes { name officials { name roles { title } } } } }';
    // Learn the query's cost from a server whose limit is 1, then set the limit to exactly that.
    const probe = await startTestApi({ seed: false, env: { MAX_COST: '1' } });
    const message = (await probe.query(query)).errors![0].message;
    await probe.stop();
    const cost = Number(/could return (\d+) values/.exec(message)![1]);
    const atLimit = await startTestApi({ seed: false, env: { MAX_COST: String(Math.ceil(cost)) } });
    const overLimit = await startTestApi({ seed: false, env: { MAX_COST: String(Math.ceil(cost) - 1) } });
    try {
      await expectAnsweredWithCypher(atLimit, query);
      await expectRefusedWithoutCypher(overLimit, query);
    } finally {
      await atLimit.stop();
      await overLimit.stop();
    }
  });
});

describe('HTTP hardening', () => {
  let api: TestApi;
  const keys = testKeys();
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );

  beforeAll(async () => {
    api = await startTestApi({
      logger,
      env: {
        API_KEYS: keys.env,
        BODY_LIMIT_KB: '4',
        CORS_ORIGINS: 'https://analysts.example.org',
        RATE_LIMIT_PER_MINUTE: '40',
      },
    });
  });
  afterAll(() => api.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers a body over the limit with 413 and a GraphQL error', async () => {
    const response = await post(
      JSON.stringify({ query: `{ nations { totalCount } } # ${'x'.repeat(5000)}` }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is larger than 4 KB.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('answers malformed JSON with 400 and a GraphQL error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched requests', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ nations { totalCount } }' }, { query: '{ nations { totalCount } }' }]),
    );
    expect(response.status).toBe(400);
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ nations { totalCount } }')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('allows only listed CORS origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await preflight('https://analysts.example.org')).headers.get('access-control-allow-origin')).toBe(
      'https://analysts.example.org',
    );
    expect(
      (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('never writes API keys to the logs', async () => {
    await api.query('{ nations { totalCount } }', {}, { authorization: `Bearer ${keys.editor}` });
    await api.query('{ nations { totalCount } }', {}, { 'x-api-key': keys.admin });
    await api.query('{ nations { totalCount } }', {}, { authorization: 'Bearer dgk_wrong-key' });
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(all).not.toContain(keys.editor);
    expect(all).not.toContain(keys.admin);
    expect(all).not.toContain('dgk_wrong-key');
  });

  it('limits each client, answering 429 past the budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1)
      statuses.push((await post(JSON.stringify({ query: '{ nations { totalCount } }' }))).status);
    expect(statuses).toContain(429);
    const last = await post(JSON.stringify({ query: '{ nations { totalCount } }' }));
    expect(last.status).toBe(429);
    expect((await last.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another client (its own key) still has its budget.
    const other = await api.query(
      '{ nations { totalCount } }',
      {},
      { authorization: `Bearer ${keys.reader}` },
    );
    expect(other.status).toBe(200);
  });
});

describe('production mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => api.stop());

  it('turns off introspection and field suggestions', async () => {
    const introspection = await api.query('{ __schema { types { name } } }');
    expect(errorCodes(introspection)).toEqual(['BAD_USER_INPUT']);
    const misspelt = await api.query('{ nations { nodes { nmae } } }');
    expect(misspelt.errors![0].message).not.toMatch(/Did you mean/);
    expect(misspelt.extensions?.queryStats).toBeUndefined();
  });
});
