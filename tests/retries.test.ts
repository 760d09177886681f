/**
 * Concurrent conflicting writes: documents that lock the same nations in opposite orders
 * deadlock; the driver retries the whole transaction, so each write applies exactly once and no
 * concurrent addition is lost.
 */
import neo4j from 'neo4j-driver';
import type { GraphDatabase, WriteTransaction } from '../src/graph/database';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const IMPORT = 'mutation I($document: JSONObject!) { importDocument(document: $document) { status } }';
const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';
/** The two nations the imports cross over: each import writes one and lists the other as a participant. */
const NATIONS = ['nation:gbr', 'nation:fra'] as const;
/** Rows of per-document filler: work the transaction does between taking its two shared locks. */
const FILLER = 300;

/**
 * An import that writes one shared nation and then links the other, in an order set by its parity.
 * Writes lock every id they write before they check anything (graph/write-locks.ts), in one order,
 * so two imports that write the same records simply queue. These two write different records (an
 * even one writes the United Kingdom, an odd one France) and only *refer* to the other nation, which
 * no lock covers: the loader writes nations first (locking the one it writes), then its filler
 * places, then its meeting's ATTENDED relationship, which locks the other nation. Two such imports
 * running at once each hold one nation while waiting for the other: a deadlock. The filler places
 * are in the graph before the imports run (see `storeFiller`): a new place would make each import
 * first take the lock under which new places are matched by name, and the pair would simply queue.
 */
function document(i: number) {
  const [own, other] = i % 2 === 0 ? NATIONS : [NATIONS[1], NATIONS[0]];
  // Days apart, so the imports' meetings never wait on one another's same-event lock (a meeting
  // within a day of another is looked for under one: docs/corroboration.md).
  const date = new Date(Date.UTC(2025, 4, 1 + 3 * i)).toISOString().slice(0, 10);
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: `source:retry-report-${i}`,
      title: `Report ${i}`,
      publisher: 'Test Wire',
      publishedAt: date,
      text: `Report ${i}: Britain, France and their partners met again.`,
    },
    nations: [
      own === NATIONS[0]
        ? {
            id: own,
            name: 'United Kingdom',
            aliases: [`UK alias ${i}`],
            iso3: 'GBR',
            evidence: [{ excerpt: 'Britain, France' }],
          }
        : {
            id: own,
            name: 'France',
            aliases: [`France alias ${i}`],
            iso3: 'FRA',
            evidence: [{ excerpt: 'Britain, France' }],
          },
    ],
    places: Array.from({ length: FILLER }, (_, k) => ({
      id: `place:retry-${i}-${k}`,
      name: `Venue ${i}-${k}`,
      kind: 'VENUE',
      evidence: [{ excerpt: 'met again' }],
    })),
    meetings: [
      {
        id: `meeting:${date}-retry-${i}`,
        title: `Meeting ${i}`,
        date,
        status: 'HELD',
        participants: [other],
        evidence: [{ excerpt: 'met again' }],
      },
    ],
  };
}

/**
 * Records the code of the first error each attempt of a write transaction raised (a deadlock
 * surfaces in the statement that would close the cycle), then lets it propagate so the driver
 * retries as usual. Statements pipelined after the failing one (runInOrder) fail with it, as the
 * transaction is gone: one attempt, one error.
 */
function recordStatementErrors(db: GraphDatabase): { codes: string[]; restore(): void } {
  const codes: string[] = [];
  const write = db.write.bind(db);
  const spy = jest.spyOn(db, 'write').mockImplementation((work, options) =>
    write((tx: WriteTransaction) => {
      let failed = false;
      return work({
        run: async (query) => {
          try {
            return await tx.run(query);
          } catch (error) {
            if (!failed) codes.push(String((error as { code?: unknown }).code));
            failed = true;
            throw error;
          }
        },
        created: () => tx.created(),
        noteChanges: (changes) => tx.noteChanges(changes),
      });
    }, options),
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

  /** The filler places, stored as an earlier import would have left them. */
  async function storeFiller(count: number) {
    await api.api.db.write((tx) =>
      tx.run({
        cypher: `UNWIND range(0, $count - 1) AS i UNWIND range(0, $filler - 1) AS k
                 CREATE (:Place {id: 'place:retry-' + i + '-' + k, name: 'Venue ' + i + '-' + k, kind: 'VENUE'})`,
        params: { count: neo4j.int(count), filler: neo4j.int(FILLER) },
      }),
    );
  }

  it('apply each of 20 lock-crossing imports, run two at a time, exactly once, losing no alias', async () => {
    // Pairs (one of each order) deadlock at most once each, so the loser's one retry, about a second
    // later, runs alone and succeeds well within the API's 3 s retry window. Forty imports at once
    // deadlocked again and again, and on a busy machine some ran out of that window.
    const waves = 10;
    const count = waves * 2;
    await storeFiller(count);
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

    // Every alias is kept, and kept once; each import's facts are there once.
    const [row] = await api.api.db.read({
      cypher: `MATCH (uk:Nation {id: $uk}), (fr:Nation {id: $fr})
               RETURN uk.aliases AS ukAliases, fr.aliases AS frAliases,
                      COUNT { (s:Source)-[:MENTIONS]->(uk) WHERE s.id STARTS WITH 'source:retry-report-' } AS ukMentions,
                      COUNT { (uk)-[:ATTENDED]->(m:Meeting) WHERE m.id CONTAINS '-retry-' } AS ukAttended,
                      COUNT { (fr)-[:ATTENDED]->(m:Meeting) WHERE m.id CONTAINS '-retry-' } AS frAttended,
                      COUNT { MATCH (s:Source) WHERE s.id STARTS WITH 'source:retry-report-' } AS sources,
                      COUNT { MATCH (p:Place) WHERE p.id STARTS WITH 'place:retry-' } AS places,
                      COUNT { MATCH (m:Meeting) WHERE m.id CONTAINS '-retry-' } AS meetings`,
      params: { uk: NATIONS[0], fr: NATIONS[1] },
    });
    const times = (aliases: unknown, alias: string) =>
      (aliases as string[]).filter((a) => a === alias).length;
    const evens = Array.from({ length: count / 2 }, (_, k) => 2 * k);
    const odds = evens.map((i) => i + 1);
    expect(evens.map((i) => times(row.ukAliases, `UK alias ${i}`))).toEqual(evens.map(() => 1));
    expect(odds.map((i) => times(row.frAliases, `France alias ${i}`))).toEqual(odds.map(() => 1));
    expect(row).toMatchObject({
      ukMentions: count / 2,
      ukAttended: count / 2,
      frAttended: count / 2,
      sources: count,
      places: count * FILLER,
      meetings: count,
    });
  }, 120_000);
});
