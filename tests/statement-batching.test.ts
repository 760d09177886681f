/**
 * How imports cut their round trips (graph/cypher.ts, graph/database.ts): statements pipelined in
 * one transaction run in the order given, and statements folded into one keep their own parameters
 * and see each other's writes. Against the real Neo4j, since both depend on how it runs them.
 */
import { asOneRead, asOneStatement, cypher } from '../src/graph/cypher';
import { runInOrder } from '../src/graph/database';
import { startTestApi, type TestApi } from './helpers/start-api';

/** A label only this suite uses, removed after each test. */
const PROBE = 'BatchingProbe';

describe('statements sent together', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterEach(() => api.api.db.write((tx) => tx.run(cypher(`MATCH (n:${PROBE}) DETACH DELETE n`))));
  afterAll(() => api.stop());

  const probes = async () =>
    (
      await api.api.db.read(
        cypher(`MATCH (n:${PROBE}) RETURN n.id AS id, n.from AS from, n.touched AS touched ORDER BY id`),
      )
    ).map((row) => ({ ...row }));

  it('folded into one statement, each part keeps its own parameters, runs after a part that matched nothing, and sees earlier parts', async () => {
    await api.api.db.write((tx) =>
      tx.run(
        asOneStatement([
          cypher(`CREATE (:${PROBE} {id: $id, v: $v})`, { id: 'a', v: 1 }),
          cypher(`MATCH (n:${PROBE} {id: $id}) SET n.touched = true`, { id: 'nowhere' }),
          cypher(`MATCH (n:${PROBE} {id: $id}) CREATE (:${PROBE} {id: $other, from: n.v})`, {
            id: 'a',
            other: 'b',
          }),
        ]),
      ),
    );
    expect(await probes()).toEqual([
      { id: 'a', from: null, touched: null },
      { id: 'b', from: 1, touched: null },
    ]);
  });

  it('folded into one read, gives every part its own parameters and their rows in order', async () => {
    const rows = await api.api.db.read(
      asOneRead([
        cypher('UNWIND $values AS value RETURN value, $tag AS tag', { values: [3, 1], tag: 'first' }),
        cypher('UNWIND $values AS value RETURN value, $tag AS tag', { values: [2], tag: 'second' }),
      ]),
    );
    expect(rows.map((row) => ({ ...row }))).toEqual([
      { value: 3, tag: 'first' },
      { value: 1, tag: 'first' },
      { value: 2, tag: 'second' },
    ]);
  });

  it('pipelined, answers each group in order, and a statement reads what the one before it wrote', async () => {
    const { result } = await api.api.db.write((tx) =>
      runInOrder(tx, {
        written: [cypher(`CREATE (n:${PROBE} {id: $id}) RETURN n.id AS id`, { id: 'p' })],
        read: [
          cypher(`MATCH (n:${PROBE}) RETURN count(n) AS n`),
          cypher(`MATCH (n:${PROBE} {id: 'p'}) SET n.touched = true RETURN n.touched AS touched`),
        ],
      }),
    );
    expect(result).toEqual({ written: [[{ id: 'p' }]], read: [[{ n: 1 }], [{ touched: true }]] });
  });

  it('pipelined, a failing statement fails the transaction and nothing before or after it is kept', async () => {
    await expect(
      api.api.db.write((tx) =>
        runInOrder(tx, {
          before: [cypher(`CREATE (:${PROBE} {id: 'before'})`)],
          failing: [cypher('UNWIND [1, 0] AS x RETURN 1 / x AS y')],
          after: [cypher(`CREATE (:${PROBE} {id: 'after'})`)],
        }),
      ),
    ).rejects.toThrow();
    expect(await probes()).toEqual([]);
  });
});
