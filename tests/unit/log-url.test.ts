/**
 * Request URLs as the log shows them (src/server/log-url.ts): the path and parameter names stay,
 * every value goes, so an `?api_key=` or a query with personal data never reaches the logs.
 */
import { REDACTED, urlForLog } from '../../src/server/log-url';

describe('urlForLog', () => {
  it('leaves a URL without a query unchanged', () => {
    expect(urlForLog('/graphql')).toBe('/graphql');
    expect(urlForLog('/')).toBe('/');
  });

  it('keeps parameter names and redacts every value', () => {
    expect(urlForLog('/graphql?query={nations{name}}&api_key=synthetic-secret&x=')).toBe(
      `/graphql?query=${REDACTED}&api_key=${REDACTED}&x=${REDACTED}`,
    );
  });

  it('redacts a bare parameter whole: it may be the secret itself', () => {
    const logged = urlForLog('/graphql?synthetic-secret-token&a=1');
    expect(logged).toBe(`/graphql?${REDACTED}&a=${REDACTED}`);
    expect(logged).not.toContain('synthetic-secret-token');
  });

  it('drops empty pairs and cuts parameter names at 50 characters', () => {
    const longName = 'n'.repeat(80);
    expect(urlForLog(`/p?&&${longName}=v&`)).toBe(`/p?${'n'.repeat(50)}=${REDACTED}`);
  });
});
