/**
 * Live updates across instances: two APIs on one Neo4j, writes through A (real mutations over
 * HTTP), subscribers on B over real WebSockets (graphql-ws's client, and raw `ws` for what a good
 * client never sends). Statements written here are synthetic fixtures quoting the seed's source.
 *
 * The change log: until every write appends its own entries (issue #18, "changes"), `write()` below
 * appends the entry the mutation should have, in a write transaction of its own, and only when the
 * mutation did not already append one; once writes append, it appends nothing and tests the real feed.
 */
import { appendChangesQuery, ChangeKind, changeLogHeadQuery } from '../src/graph/change-log.cypher';
import { decodeChangeCursor, encodeChangeCursor } from '../src/modules/change/change-cursor';
import { Label } from '../src/graph/model';
import { LiveCloseCode } from '../src/modules/live/live-close-codes';
import { liveStats } from '../src/modules/live/change-tailer';
import {
  closeOf,
  initialisedSocket,
  liveSubscribe,
  nextMessage,
  rawSocket,
  type LiveSubscription,
} from './helpers/live-clients';
import type WebSocket from 'ws';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';

const FACT_RECORDED = `subscription Recorded($filter: FactFilter, $after: String) {
  factRecorded(filter: $filter, after: $after) {
    cursor kind at
    fact { id ... on Statement { text speaker { id name } } }
  }
}`;
const FACT_RETRACTED = `subscription Retracted($after: String) {
  factRetracted(after: $after) { cursor kind fact { id ... on Statement { text } } }
}`;

const keys = testKeys();
let a: TestApi;
let b: TestApi;
let written = 0;
/** Entries this test appended because the write did not (see the header); 0 on the real feed. */
let appendedByTest = 0;
let logged = 0;

const as = (key: string) => ({ authorization: `Bearer ${key}` });

async function head(api: TestApi): Promise<number> {
  const rows = await api.api.db.read(changeLogHeadQuery());
  return Number(rows[0].head);
}

/** Appends the change-log entry a write should have made, unless the write made it (see the header). */
async function ensureLogged(kind: ChangeKind, id: string, before: number): Promise<void> {
  const rows = await a.api.db.read({
    cypher: 'MATCH (c:Change {subjectId: $id, kind: $kind}) WHERE c.seq > $before RETURN count(c) AS n',
    params: { id, kind, before },
  });
  logged += 1;
  if (Number(rows[0].n) > 0) return;
  appendedByTest += 1;
  await a.api.db.write((tx) =>
    tx.run(appendChangesQuery([{ kind, subjectId: id, subjectLabel: Label.Statement }])),
  );
}

/** Records a statement through A (editor key) and returns its id once it is in the change log. */
async function write(
  options: { speaker?: string; topics?: string[]; text?: string } = {},
): Promise<{ id: string; text: string }> {
  written += 1;
  const text = options.text ?? `Synthetic live-update statement ${written} (${Date.now()}).`;
  const before = await head(a);
  const response = await a.query<Data>(
    `mutation Record($input: StatementInput!) { recordStatement(input: $input) { id } }`,
    {
      input: {
        kind: 'PARAPHRASE',
        text,
        speaker: options.speaker ?? 'official:pal-jonson',
        date: '2025-04-10',
        topics: options.topics ?? [],
        evidence: [{ source: SOURCE, excerpt: EXCERPT }],
      },
    },
    as(keys.editor),
  );
  expect(response.errors).toBeUndefined();
  const id = response.data.recordStatement.id as string;
  await ensureLogged(ChangeKind.FACT_RECORDED, id, before);
  return { id, text };
}

async function retract(id: string): Promise<void> {
  const before = await head(a);
  const response = await a.query<Data>(
    `mutation { retract(id: "${id}", reason: "Synthetic retraction for the live-update test.") { id } }`,
    {},
    as(keys.admin),
  );
  expect(response.errors).toBeUndefined();
  await ensureLogged(ChangeKind.FACT_RETRACTED, id, before);
}

/** A subscription on B that has been set up on the server (one write seen through it). */
async function readySubscription(
  query: string,
  variables: Record<string, unknown>,
  key = keys.reader,
): Promise<LiveSubscription<Data>> {
  const subscription = liveSubscribe<Data>(b.url, query, variables, key);
  // The subscription is live once the server has registered it: wait until B's tailer counts it.
  const deadline = Date.now() + 5000;
  const open = liveStats().openSubscriptions;
  while (liveStats().openSubscriptions <= open && Date.now() < deadline) await sleep(20);
  return subscription;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const opened: LiveSubscription<unknown>[] = [];
function track<T>(subscription: LiveSubscription<T>): LiveSubscription<T> {
  opened.push(subscription as LiveSubscription<unknown>);
  return subscription;
}

beforeAll(async () => {
  const env = {
    API_KEYS: keys.env,
    REQUIRE_KEY_FOR_READS: 'true',
    CHANGE_POLL_MS: '100',
    CHANGE_BATCH_SIZE: '3',
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
    LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: '8',
    LIVE_MAX_CONNECTIONS_PER_CLIENT: '6',
    LIVE_MAX_PAYLOAD_KB: '16',
    LIVE_INIT_TIMEOUT_MS: '800',
  };
  const started = Date.now();
  a = await startTestApi({ env });
  process.stdout.write(`A up in ${Date.now() - started} ms\n`);
  b = await startTestApi({ env, seed: false });
  process.stdout.write(`B up in ${Date.now() - started} ms\n`);
  // Warm-up, not measured: the first write and the first tailer reads pay for Neo4j planning their
  // statements, and on a busy test machine that alone can take seconds.
  const warmUp = await readySubscription(FACT_RECORDED, {});
  await write();
  await warmUp.waitFor(1, 60_000);
  await warmUp.dispose();
}, 240_000);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((subscription) => subscription.dispose()));
});

afterAll(async () => {
  process.stdout.write(
    `change-log entries appended by the test itself: ${appendedByTest} for ${logged} writes and retractions\n`,
  );
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('subscriptions across instances', () => {
  it('delivers a write through A to a subscriber on B within 2 s, with the fact as it was written', async () => {
    const subscription = track(await readySubscription(FACT_RECORDED, {}));
    const { id, text } = await write();
    const written = Date.now();
    const [event] = await subscription.waitFor(1, 2000);
    expect(Date.now() - written).toBeLessThan(2000);
    expect(event.factRecorded).toMatchObject({
      kind: 'FACT_RECORDED',
      fact: { id, text, speaker: { id: 'official:pal-jonson', name: 'Pål Jonson' } },
    });
    expect(decodeChangeCursor(event.factRecorded.cursor)).toBeGreaterThan(0);
    expect(Date.parse(event.factRecorded.at)).not.toBeNaN();
  });

  it("filters by actor (a nation includes its officials') and by topic (broader includes narrower)", async () => {
    const sweden = track(await readySubscription(FACT_RECORDED, { filter: { actor: 'nation:swe' } }));
    const support = track(
      await readySubscription(FACT_RECORDED, { filter: { topic: 'topic:support-for-ukraine' } }),
    );
    const both = track(
      await readySubscription(FACT_RECORDED, {
        filter: { actor: 'official:john-healey', topic: 'topic:support-for-ukraine' },
      }),
    );
    const jonson = await write({ speaker: 'official:pal-jonson', topics: ['topic:us-involvement'] });
    const healey = await write({
      speaker: 'official:john-healey',
      topics: ['topic:troop-deployment-to-ukraine'],
    });
    const marker = await write({
      speaker: 'official:pal-jonson',
      topics: ['topic:military-support-for-ukraine'],
    });

    const ids = (subscription: LiveSubscription<Data>) =>
      subscription.events.map((event) => event.factRecorded.fact.id);
    await sweden.waitFor(2);
    await support.waitFor(2);
    await both.waitFor(1);
    // The marker is the last write: once it arrived, anything wrongly matched would have too.
    expect(ids(sweden)).toEqual([jonson.id, marker.id]);
    expect(ids(support)).toEqual([healey.id, marker.id]);
    await sleep(300);
    expect(ids(both)).toEqual([healey.id]);
  });

  it('replays exactly what a reconnecting subscriber missed, then goes live: none missed, none repeated', async () => {
    const first = track(await readySubscription(FACT_RECORDED, {}));
    await write();
    const [seen] = await first.waitFor(1);
    await first.dispose();

    // Missed while away: more than one replay page (CHANGE_BATCH_SIZE is 3 here), and a retraction
    // in between, which factRecorded passes over.
    const missed = [];
    for (let i = 0; i < 5; i += 1) missed.push(await write());
    await retract(missed[1].id);

    const again = track(
      liveSubscribe<Data>(b.url, FACT_RECORDED, { after: seen.factRecorded.cursor }, keys.reader),
    );
    // Written while the replay runs and after: the boundary between replay and live.
    const during = await Promise.all([write(), write()]);
    const later = [];
    for (let i = 0; i < 3; i += 1) later.push(await write());

    const expected = [...missed, ...during, ...later].map((fact) => fact.id);
    const events = await again.waitFor(expected.length);
    await sleep(500);
    const received = again.events.map((event) => event.factRecorded.fact.id);
    expect(new Set(received)).toEqual(new Set(expected));
    expect(received).toHaveLength(expected.length);
    const seqs = events.map((event) => decodeChangeCursor(event.factRecorded.cursor));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    // The retracted fact is replayed as recorded (the record happened) and shows as it is now.
    expect(received).toContain(missed[1].id);
  });

  it('delivers retractions to factRetracted, with the retracted fact', async () => {
    const subscription = track(await readySubscription(FACT_RETRACTED, {}));
    const fact = await write();
    await retract(fact.id);
    const [event] = await subscription.waitFor(1, 2000);
    expect(event.factRetracted).toMatchObject({
      kind: 'FACT_RETRACTED',
      fact: { id: fact.id, text: fact.text },
    });
  });

  it('refuses a bad cursor as BAD_USER_INPUT and keeps the connection', async () => {
    const subscription = track(
      liveSubscribe<Data>(b.url, FACT_RECORDED, { after: 'not-a-cursor' }, keys.reader),
    );
    await expect(subscription.waitFor(1, 3000)).rejects.toThrow(/BAD_USER_INPUT/);
    expect(JSON.stringify(subscription.errors)).toMatch(/not a change-log cursor/);
    const beyond = track(
      liveSubscribe<Data>(b.url, FACT_RECORDED, { after: encodeChangeCursor(999_999_999) }, keys.reader),
    );
    await expect(beyond.waitFor(1, 3000)).rejects.toThrow(/has not reached/);
  });
});

describe('authentication and limits', () => {
  it('closes a connection without a key with 4001, and one with an unknown key with 4002', async () => {
    const anonymous = liveSubscribe(b.url, FACT_RECORDED, {});
    expect(await anonymous.closed).toEqual({
      code: LiveCloseCode.KeyRequired,
      reason: expect.stringMatching(/API key is required/),
    });
    const unknown = liveSubscribe(b.url, FACT_RECORDED, {}, 'dgk_not-a-real-key');
    expect((await unknown.closed).code).toBe(LiveCloseCode.KeyInvalid);
    await Promise.all([anonymous.dispose(), unknown.dispose()]);
  });

  it('takes the key from the upgrade request too', async () => {
    const socket = await rawSocket(b.url, as(keys.reader));
    const ack = nextMessage(socket, 'connection_ack');
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await ack;
    socket.close();
  });

  it('closes with 4030 past the subscriptions allowed on a connection, while other connections keep working', async () => {
    const bystander = track(await readySubscription(FACT_RECORDED, {}, keys.editor));
    const socket = await initialisedSocket(b.url, keys.reader);
    const closed = closeOf(socket);
    for (let i = 1; i <= 4; i += 1) {
      socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: FACT_RECORDED } }));
    }
    expect(await closed).toEqual({
      code: LiveCloseCode.TooManySubscriptions,
      reason: expect.stringMatching(/at most 3 per connection/),
    });
    const fact = await write();
    const [event] = await bystander.waitFor(1, 2000);
    expect(event.factRecorded.fact.id).toBe(fact.id);
  });

  it('closes with 4030 past the subscriptions allowed per key, and 4031 past its connections', async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 3; i += 1) sockets.push(await initialisedSocket(b.url, keys.admin));
    // 3 + 3 + 2 subscriptions: the key's 8.
    const subscribe = (socket: WebSocket, count: number, prefix: string) => {
      for (let i = 0; i < count; i += 1)
        socket.send(
          JSON.stringify({ id: `${prefix}${i}`, type: 'subscribe', payload: { query: FACT_RECORDED } }),
        );
    };
    subscribe(sockets[0], 3, 'a');
    subscribe(sockets[1], 3, 'b');
    subscribe(sockets[2], 2, 'c');
    const deadline = Date.now() + 3000;
    while (liveStats().openSubscriptions < 8 && Date.now() < deadline) await sleep(20);
    const closed = closeOf(sockets[2]);
    subscribe(sockets[2], 1, 'd');
    expect((await closed).code).toBe(LiveCloseCode.TooManySubscriptions);
    expect(sockets[0].readyState).toBe(sockets[0].OPEN);
    await sleep(200); // the server lets go of the closed connection

    // Connections: 6 per key; two are open, four more fit, the seventh is refused.
    for (let i = 0; i < 4; i += 1) sockets.push(await initialisedSocket(b.url, keys.admin));
    const seventh = await rawSocket(b.url);
    const refused = closeOf(seventh);
    seventh.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${keys.admin}` } }),
    );
    expect(await refused).toEqual({
      code: LiveCloseCode.TooManyConnections,
      reason: expect.stringMatching(/at most 6 per client/),
    });
    for (const socket of sockets) socket.close();
  });

  it('closes a socket that sends a malformed message with 4400 and keeps serving the others', async () => {
    const bystander = track(await readySubscription(FACT_RECORDED, {}, keys.editor));
    const socket = await initialisedSocket(b.url, keys.reader);
    const closed = closeOf(socket);
    socket.send('{"type": "subscribe", "id": ');
    expect((await closed).code).toBe(4400);
    const unknownType = await initialisedSocket(b.url, keys.reader);
    const closedToo = closeOf(unknownType);
    unknownType.send(JSON.stringify({ type: 'explode', id: '1' }));
    expect((await closedToo).code).toBe(4400);

    const fact = await write();
    const [event] = await bystander.waitFor(1, 2000);
    expect(event.factRecorded.fact.id).toBe(fact.id);
    const health = await fetch(`${b.url}/health`);
    expect(health.status).toBe(200);
  });

  it('bounds what one client can hold: message size (1009) and time to connection_init (4408)', async () => {
    const big = await initialisedSocket(b.url, keys.reader);
    const tooBig = closeOf(big);
    big.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `# ${'x'.repeat(20_000)}\n${FACT_RECORDED}` },
      }),
    );
    expect((await tooBig).code).toBe(1009);
    const silent = await rawSocket(b.url);
    const started = Date.now();
    expect((await closeOf(silent)).code).toBe(4408);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('holds subscriptions to the cost limit of queries, per event: QUERY_TOO_COMPLEX', async () => {
    const socket = await initialisedSocket(b.url, keys.reader);
    const error = nextMessage(socket, 'error');
    const query = `subscription { factRecorded { fact { ... on Statement {
      topics(first: 100) { narrower(first: 100) { narrower(first: 100) { id name } } } } } } }`;
    socket.send(JSON.stringify({ id: 'c', type: 'subscribe', payload: { query } }));
    expect((await error).payload).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }),
    ]);
    expect(socket.readyState).toBe(socket.OPEN);
    socket.close();
  });

  it('runs only subscriptions over the socket: a query gets BAD_USER_INPUT', async () => {
    const socket = await initialisedSocket(b.url, keys.reader);
    const error = nextMessage(socket, 'error');
    socket.send(
      JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ node(id: "nation:gbr") { id } }' } }),
    );
    expect(JSON.stringify((await error).payload)).toMatch(/only subscriptions run/);
    socket.close();
  });
});

describe('shutdown', () => {
  it('closes subscribers with 1001 (going away) when an instance drains, and stops promptly', async () => {
    const subscription = await readySubscription(FACT_RECORDED, {});
    const started = Date.now();
    await b.stop();
    expect((await subscription.closed).code).toBe(1001);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(liveStats().openSubscriptions).toBe(0);
    await subscription.dispose();
  });
});
