/**
 * The graphql-http server audit against the real running server: every MUST passes and no SHOULD
 * warns (notably: a client that accepts only `application/json` gets 200 with the errors for a
 * document that fails to parse or validate, one that accepts `application/graphql-response+json`
 * gets 400). The summary line is printed for the record; notices (MAYs) are listed with it.
 */
import { auditServer } from 'graphql-http';
import { startTestApi, type TestApi } from './helpers/start-api';

describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterAll(() => api.stop());

  it('passes every MUST and every SHOULD', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const count = (status: string) => results.filter((result) => result.status === status).length;
    const named = (status: string) =>
      results.filter((result) => result.status === status).map((result) => `${result.id} ${result.name}`);
    process.stdout.write(
      `graphql-http audit: ${count('ok')} passed, ${count('warn')} warnings, ${count('notice')} notices, ${count('error')} errors\n` +
        named('notice')
          .map((notice) => `  notice: ${notice}\n`)
          .join(''),
    );
    expect(named('error')).toEqual([]);
    expect(named('warn')).toEqual([]);
    expect(count('ok')).toBeGreaterThan(50);
  });

  it('answers a parse failure 200 to an application/json client and 400 to a graphql-response+json one', async () => {
    const post = (accept: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: '{ nations { ' }),
      });
    const json = await post('application/json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await json.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const graphqlResponse = await post('application/graphql-response+json');
    expect(graphqlResponse.status).toBe(400);
    expect(graphqlResponse.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    // Not a GraphQL request at all (no query string): 400 whatever the client accepts.
    const malformed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: 1 }),
    });
    expect(malformed.status).toBe(400);
  });
});
