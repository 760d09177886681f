/**
 * Concurrent conflicting writes: documents that update the same entities in opposite orders
 * deadlock; the driver retries the whole transaction, so each write applies exactly once and no
 * concurrent addition is lost.
 */
import type { GraphDatabase, WriteTransaction } from '../src/graph/database';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const IMPORT = 'mutation I($document: JSONObject!) { importDocument(document: $document) { status } }';
const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';
const NATION = 'nation:gbr';
const TOPIC = 'topic:retry-shared';
/** Rows of per-document filler: work the transaction does between taking its two shared locks. */
const FILLER = 300;

/**
 * An import that updates two shared nodes, the United Kingdom and one topic, in an order set by its
 * parity. The loader writes nations, then places, topics and meetings, then relationships, each in
 * its own statement, and a transaction keeps its locks until it commits. An even document locks the
 * nation (setting its aliases), writes its places, then locks the topic; an odd one locks the topic,
 * writes its meetings, then locks the nation (adding the relationship of its meeting's participant).
 * Two such imports running at once each hold one lock while waiting for the other: a deadlock.
 */
function document(i: number) {
  const even = i % 2 === 0;
  const date = '2025-05-01';
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: `source:retry-report-${i}`,
      title: `Report ${i}`,
      publisher: 'Test Wire',
      publishedAt: date,
      text: `Report ${i}: Britain and its partners met again.`,
    },
    nations: even
      ? [
          {
            id: NATION,
            name: 'United Kingdom',
            aliases: [`UK alias ${i}`],
            iso3: 'GBR',
            evidence: [{ excerpt: 'Britain' }],
          },
        ]
      : [],
    places: even
      ? Array.from({ length: FILLER }, (_, k) => ({
          id: `place:retry-${i}-${k}`,
          name: `Venue ${i}-${k}`,
          kind: 'VENUE',
          evidence: [{ excerpt: 'met again' }],
        }))
      : [],
    topics: [{ id: TOPIC, name: 'Retry topic', aliases: [`topic alias ${i}`] }],
    meetings: even
      ? []
      : Array.from({ length: FILLER }, (_, k) => ({
          id: `meeting:${date}-retry-${i}-${k}`,
          title: `Meeting ${i}-${k}`,
          date,
          status: 'HELD',
          // The last meeting's participant comes last in the statements: the nation is locked last.
          participants: k === FILLER - 1 ? [NATION] : [],
          evidence: [{ excerpt: 'met again' }],
        })),
  };
}

/**
 * Records the code of every error a statement of a write transaction raised (a deadlock surfaces in
 * the statement that would close the cycle), then lets it propagate so the driver retries as usual.
 */
function recordStatementErrors(db: GraphDatabase): { codes: string[]; restore(): void } {
  const codes: string[] = [];
  const write = db.write.bind(db);
  const spy = jest.spyOn(db, 'write').mockImplementation((work, options) =>
    write(
      (tx: WriteTransaction) =>
        work({
          run: async (query) => {
            try {
              return await tx.run(query);
            } catch (error) {
              codes.push(String((error as { code?: unknown }).code));
              throw error;
            }
          },
        }),
      options,
    ),
  );
  return { codes, restore: () => spy.mockRestore() };
}

describe('retried conflicting writes', () => {
  let api: TestApi;
  const keys = testKeys();
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
  });
  afterAll(() => api.stop());

  it('apply each of 20 lock-crossing imports, run two at a time, exactly once, losing no alias', async () => {
    // Pairs (one of each order) deadlock at most once each, so the loser's one retry, about a second
    // later, runs alone and succeeds well within the API's 3 s retry window. Forty imports at once
    // deadlocked again and again, and on a busy machine some ran out of that window.
    const waves = 10;
    const count = waves * 2;
    const retriedBefore = api.api.db.retriedWrites;
    const statementErrors = recordStatementErrors(api.api.db);
    const responses = [];
    const deadlocksPerWave: number[] = [];
    try {
      for (let wave = 0; wave < waves; wave += 1) {
        const before = statementErrors.codes.length;
        responses.push(
          ...(await Promise.all(
            [2 * wave, 2 * wave + 1].map((i) =>
              api.query<{ importDocument: { status: string } }>(
                IMPORT,
                { document: document(i) },
                { authorization: `Bearer ${keys.editor}` },
              ),
            ),
          )),
        );
        deadlocksPerWave.push(statementErrors.codes.slice(before).filter((code) => code === DEADLOCK).length);
      }
    } finally {
      statementErrors.restore();
    }
    const retries = api.api.db.retriedWrites - retriedBefore;
    const deadlocks = statementErrors.codes.filter((code) => code === DEADLOCK).length;
    process.stdout.write(
      `retries: ${count} crossing imports in ${waves} pairs, deadlocks per pair [${deadlocksPerWave.join(' ')}], ` +
        `${deadlocks} deadlocks, ${retries} transaction retries, ${responses.filter((r) => r.errors).length} failed\n`,
    );

    // Each import succeeded, and its one committed attempt was the first to write it: a retry
    // after an attempt that had in fact committed would find the source and answer "unchanged".
    expect(responses.filter((r) => r.errors)).toEqual([]);
    expect(responses.map((r) => r.data?.importDocument.status)).toEqual(Array(count).fill('created'));

    // The crossing lock order really deadlocked, and the driver re-ran each transaction that lost
    // (it answered with success, so every deadlocked attempt was followed by another).
    expect(deadlocks).toBeGreaterThan(0);
    expect(retries).toBeGreaterThanOrEqual(deadlocks);
    // No other error made a statement fail.
    expect(statementErrors.codes.filter((code) => code !== DEADLOCK)).toEqual([]);

    // Every alias is kept (no lost update), and kept once; each import's facts are there once.
    const [row] = await api.api.db.read({
      cypher: `MATCH (n:Nation {id: $nation}), (t:Topic {id: $topic})
               RETURN n.aliases AS nationAliases, t.aliases AS topicAliases,
                      COUNT { (s:Source)-[:MENTIONS]->(n) WHERE s.id STARTS WITH 'source:retry-report-' } AS nationMentions,
                      COUNT { (s:Source)-[:MENTIONS]->(t) } AS topicMentions,
                      COUNT { (n)-[:ATTENDED]->(m:Meeting) WHERE m.id STARTS WITH 'meeting:2025-05-01-retry-' } AS attended,
                      COUNT { MATCH (s:Source) WHERE s.id STARTS WITH 'source:retry-report-' } AS sources,
                      COUNT { MATCH (p:Place) WHERE p.id STARTS WITH 'place:retry-' } AS places,
                      COUNT { MATCH (m:Meeting) WHERE m.id STARTS WITH 'meeting:2025-05-01-retry-' } AS meetings`,
      params: { nation: NATION, topic: TOPIC },
    });
    const times = (aliases: unknown, alias: string) =>
      (aliases as string[]).filter((a) => a === alias).length;
    const evens = Array.from({ length: count / 2 }, (_, k) => 2 * k);
    expect(evens.map((i) => times(row.nationAliases, `UK alias ${i}`))).toEqual(evens.map(() => 1));
    expect(responses.map((_, i) => times(row.topicAliases, `topic alias ${i}`))).toEqual(
      responses.map(() => 1),
    );
    expect(row).toMatchObject({
      nationMentions: count / 2,
      topicMentions: count,
      attended: count / 2,
      sources: count,
      places: (count / 2) * FILLER,
      meetings: (count / 2) * FILLER,
    });
  }, 120_000);
});
