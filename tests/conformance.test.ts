/** The graphql-http server audit against the real running server: every MUST passes. */
import { auditServer } from 'graphql-http';
import { startTestApi, type TestApi } from './helpers/start-api';

describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterAll(() => api.stop());

  it('passes every MUST', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const count = (status: string) => results.filter((result) => result.status === status).length;
    process.stdout.write(
      `graphql-http audit: ${count('ok')} passed, ${count('warn')} warnings, ${count('notice')} notices, ${count('error')} errors\n`,
    );
    const failures = results
      .filter((result) => result.status === 'error')
      .map((result) => `${result.id} ${result.name}`);
    expect(failures).toEqual([]);
    expect(count('ok')).toBeGreaterThan(40);
  });
});
