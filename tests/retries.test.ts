/**
 * Concurrent conflicting writes: documents that update the same entities in opposite orders
 * provoke lock waits and deadlocks; the driver retries the whole transaction, so each write applies
 * exactly once and no concurrent addition is lost.
 */
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const IMPORT = 'mutation I($document: JSONObject!) { importDocument(document: $document) { status } }';

function document(i: number) {
  const text = `Report ${i}: Britain and France met again.`;
  const nations = [
    {
      id: 'nation:gbr',
      name: 'United Kingdom',
      aliases: [`UK alias ${i}`],
      iso3: 'GBR',
      evidence: [{ excerpt: 'Britain' }],
    },
    {
      id: 'nation:fra',
      name: 'France',
      aliases: [`France alias ${i}`],
      iso3: 'FRA',
      evidence: [{ excerpt: 'France' }],
    },
  ];
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: `source:retry-report-${i}`,
      title: `Report ${i}`,
      publisher: 'Test Wire',
      publishedAt: '2025-05-01',
      text,
    },
    // Half the documents touch the nations in the opposite order: crossing locks.
    nations: i % 2 === 0 ? nations : [...nations].reverse(),
  };
}

describe('retried conflicting writes', () => {
  let api: TestApi;
  const keys = testKeys();
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  it('apply each of 40 concurrent, lock-crossing imports exactly once, losing no alias', async () => {
    const count = 40;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        api.query(IMPORT, { document: document(i) }, { authorization: `Bearer ${keys.editor}` }),
      ),
    );
    expect(responses.filter((r) => r.errors)).toEqual([]);

    const [row] = await api.api.db.read({
      cypher: `MATCH (gbr:Nation {id: 'nation:gbr'}), (fra:Nation {id: 'nation:fra'})
               RETURN gbr.aliases AS gbr, fra.aliases AS fra,
                      COUNT { MATCH (s:Source) WHERE s.id STARTS WITH 'source:retry-report-' } AS sources,
                      COUNT { MATCH (:Source)-[m:MENTIONS]->(gbr) } AS gbrMentions`,
      params: {},
    });
    for (let i = 0; i < count; i += 1) {
      expect(row.gbr).toContain(`UK alias ${i}`);
      expect(row.fra).toContain(`France alias ${i}`);
    }
    expect(row.sources).toBe(count);
    expect(row.gbrMentions).toBe(count + 1); // the seed mentions it too
    process.stdout.write(
      `retries: ${count} concurrent crossing imports, ${api.api.db.retriedWrites} transaction retries, every alias kept\n`,
    );
  });
});
