/**
 * `npm run soak:subscriptions -- [--minutes 10] [--subscribers 1000] [--rate 5]`: an API in a child
 * process (`--expose-gc`, heap read over IPC by scripts/lib/heap-probe.ts), `subscribers` graphql-ws
 * clients on it (one WebSocket each, all `factRecorded`), and statements written over HTTP at `rate`
 * a second for the duration. Prints delivery latency p50/p99 (from the write's HTTP answer to the
 * event's arrival), events delivered against expected, and the API's heap after a full GC: before
 * the subscribers connect, during the writes, and after they disconnect. Exit 1 when an event is
 * missing or repeated, or the heap does not come back near its baseline.
 * An event that arrives before its write's answer has been read counts as 0 ms.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createKey } from '../src/auth/api-keys';
import { readHeap, startApiChild, stopApiChild, type HeapReading } from './lib/api-child';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    subscribers: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '5' },
  },
});
const SECONDS = values.seconds ? Number(values.seconds) : Number(values.minutes) * 60;
const SUBSCRIBERS = Number(values.subscribers);
const RATE = Number(values.rate);
const SOURCE = 'source:2025-04-11-qatar-tribune-coalition-of-the-willing';
const EXCERPT =
  'Jonson also said that the ultimate number of needed soldiers will depend on the final mandate of the potential mission';
const SUBSCRIPTION = 'subscription { factRecorded { cursor fact { id } } }';

const say = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const editor = createKey('soak-editor', 'editor');
  say(`starting the API (child process, --expose-gc) ...`);
  const api = await startApiChild({
    tag: 'soak-subscriptions',
    heapMb: 512,
    env: {
      API_KEYS: editor.entry,
      // One client (this script, one address) holds every subscriber.
      LIVE_MAX_CONNECTIONS_PER_CLIENT: String(SUBSCRIBERS + 10),
      LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: String(SUBSCRIBERS + 10),
    },
  });
  let written = 0;
  /** Write time (ms, when its answer was read: the write and its log entry committed) per fact id. */
  const writtenAt = new Map<string, number>();
  /** Events per fact id that arrived before that write's answer was read. */
  const early = new Map<string, number>();
  const latencies: number[] = [];
  const write = async (): Promise<string> => {
    written += 1;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.key}` },
      body: JSON.stringify({
        query: 'mutation R($input: StatementInput!) { recordStatement(input: $input) { id } }',
        variables: {
          input: {
            kind: 'PARAPHRASE',
            text: `Synthetic soak statement ${written} at ${Date.now()}.`,
            speaker: 'official:pal-jonson',
            date: '2025-04-10',
            evidence: [{ source: SOURCE, excerpt: EXCERPT }],
          },
        },
      }),
    });
    const body = (await response.json()) as { data?: { recordStatement: { id: string } }; errors?: unknown };
    if (!body.data) throw new Error(`write failed: ${JSON.stringify(body.errors)}`);
    const id = body.data.recordStatement.id;
    const now = Date.now();
    writtenAt.set(id, now);
    // Events that came before this answer was read: delivered no later than the answer.
    for (let n = early.get(id) ?? 0; n > 0; n -= 1) latencies.push(0);
    early.delete(id);
    return id;
  };

  try {
    // Warm-up: the first write pays for compiling and planning; the baseline should not include that.
    await write();
    const before = await readHeap(api.child);
    say(`heap before subscribers: ${mb(before.heapUsed)} (GC forced: ${before.collected})`);

    const received = new Map<string, number>();
    let repeated = 0;
    let closedEarly = 0;
    const clients: Client[] = [];
    const seenBy: Set<string>[] = [];
    for (let index = 0; index < SUBSCRIBERS; index += 1) {
      const seen = new Set<string>();
      seenBy.push(seen);
      const client = createClient({
        url: `${api.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: () => (closedEarly += 1) },
      });
      client.subscribe<{ factRecorded: { fact: { id: string } } }>(
        { query: SUBSCRIPTION },
        {
          next: (result) => {
            const id = result.data?.factRecorded.fact.id;
            if (!id) return;
            if (seen.has(id)) repeated += 1;
            seen.add(id);
            received.set(id, (received.get(id) ?? 0) + 1);
            const at = writtenAt.get(id);
            if (at !== undefined) latencies.push(Date.now() - at);
            else early.set(id, (early.get(id) ?? 0) + 1);
          },
          error: () => {},
          complete: () => {},
        },
      );
      clients.push(client);
      if (index % 100 === 99) await sleep(50);
    }
    // Every subscriber is live once a probe write reaches all of them.
    const probe = await write();
    const deadline = Date.now() + 60_000;
    while ((received.get(probe) ?? 0) < SUBSCRIBERS && Date.now() < deadline) await sleep(100);
    say(`${received.get(probe) ?? 0}/${SUBSCRIBERS} subscribers live`);
    latencies.length = 0;
    const baselineReceived = received.get(probe) ?? 0;

    const ids: string[] = [];
    const started = Date.now();
    let during: HeapReading | undefined;
    let next = started;
    while (Date.now() - started < SECONDS * 1000) {
      ids.push(await write());
      if (!during && Date.now() - started > (SECONDS * 1000) / 2) during = await readHeap(api.child);
      next += 1000 / RATE;
      await sleep(Math.max(0, next - Date.now()));
    }
    // Let the last events arrive.
    const drain = Date.now() + 10_000;
    const expected = ids.length * baselineReceived;
    const delivered = () => ids.reduce((sum, id) => sum + (received.get(id) ?? 0), 0);
    while (delivered() < expected && Date.now() < drain) await sleep(100);

    latencies.sort((x, y) => x - y);
    const got = delivered();
    say(
      `${ids.length} writes in ${((Date.now() - started) / 1000).toFixed(0)} s (${RATE}/s), ${SUBSCRIBERS} subscribers`,
    );
    say(
      `delivered ${got} of ${expected} expected; repeated ${repeated}; connections closed early ${closedEarly}`,
    );
    say(
      `delivery latency: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`,
    );
    if (during) say(`heap during writes: ${mb(during.heapUsed)}`);

    await Promise.all(clients.map((client) => client.dispose()));
    seenBy.length = 0;
    await sleep(3000);
    const after = await readHeap(api.child);
    say(`heap after disconnect: ${mb(after.heapUsed)} (baseline ${mb(before.heapUsed)})`);
    const heapBack = after.heapUsed < before.heapUsed * 1.25 + 8 * 2 ** 20;
    const ok = got === expected && repeated === 0 && heapBack;
    say(
      ok
        ? 'healthy'
        : `UNHEALTHY${got !== expected ? ' (missing events)' : ''}${repeated ? ' (repeats)' : ''}${heapBack ? '' : ' (heap not back to baseline)'}`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopApiChild(api);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
