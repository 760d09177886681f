/**
 * Every log line a request causes carries its request id, including lines written deep in graph/
 * by code that was never handed a request logger (slow statements) and the error lines of the
 * server; the id is the client's own `x-request-id` when it is a sane one, else a fresh UUID, and
 * comes back in the response header.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

interface LogLine {
  msg: string;
  requestId?: string;
  req?: { id: string };
}

describe('request ids in logs', () => {
  let api: TestApi;
  const keys = testKeys();
  const lines: LogLine[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as LogLine);
        done();
      },
    }),
  );

  beforeAll(async () => {
    api = await startTestApi({
      seed: false,
      logger,
      env: {
        LOG_LEVEL: 'info',
        API_KEYS: keys.env,
        // Every statement counts as slow: graph/database.ts logs each one, from deep in the request.
        SLOW_QUERY_MS: '0',
        // Small enough that an introspection answer is replaced by an error (and a logged warning).
        MAX_RESPONSE_KB: '2',
      },
    });
  });
  afterAll(() => api.stop());

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
    return {
      id: response.headers.get('x-request-id'),
      body: (await response.json()) as { errors?: unknown[] },
    };
  };

  /** Waits for the request log's line (written when the response finishes) of each id. */
  const linesOf = async (ids: string[]) => {
    for (let i = 0; i < 50; i += 1) {
      if (ids.every((id) => lines.some((line) => line.req?.id === id))) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return lines.filter((line) => line.requestId !== undefined || line.req !== undefined);
  };

  it('stamps every line of concurrent requests with their own id, from the request log down to graph/', async () => {
    lines.length = 0;
    const ids = Array.from({ length: 5 }, (_, i) => `synthetic-req-${i}`);
    const answers = await Promise.all(
      ids.map((id) => post('{ nations { totalCount } meetings { totalCount } }', { 'x-request-id': id })),
    );
    expect(answers.map((answer) => answer.id)).toEqual(ids);
    await linesOf(ids);
    // Nothing else ran meanwhile, so every line written is one of these requests'.
    expect(lines.length).toBeGreaterThanOrEqual(ids.length * 3);
    for (const line of lines) expect(ids).toContain(line.requestId);
    for (const id of ids) {
      const own = lines.filter((line) => line.requestId === id);
      expect(own.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['slow read statement', 'request completed']),
      );
      // The request log's own id and the scope's agree.
      expect(own.filter((line) => line.req).every((line) => line.req!.id === id)).toBe(true);
    }
  });

  it('carries the id on warnings from graph/ and the server: a slow write, an answer over the size ceiling', async () => {
    lines.length = 0;
    const write = await post(
      `mutation { upsertSource(input: { id: "source:synthetic-request-id-test", title: "Synthetic fixture",
        publisher: "Synthetic Wire", publishedAt: "2025-05-01",
        text: "A synthetic fixture report about nothing much at all." }) { id } }`,
      { 'x-request-id': 'synthetic-write', authorization: `Bearer ${keys.editor}` },
    );
    expect(write.body.errors).toBeUndefined();
    const big = await post('{ __schema { types { name description fields { name description } } } }', {
      'x-request-id': 'synthetic-too-big',
    });
    expect(big.body.errors).toBeDefined();
    await linesOf(['synthetic-write', 'synthetic-too-big']);
    const messagesOf = (id: string) => lines.filter((line) => line.requestId === id).map((line) => line.msg);
    expect(messagesOf('synthetic-write')).toEqual(
      expect.arrayContaining(['slow write transaction', 'request completed']),
    );
    expect(messagesOf('synthetic-too-big')).toEqual(
      expect.arrayContaining([
        'answer over the response-size ceiling replaced by an error',
        'request completed',
      ]),
    );
    for (const line of lines) expect(['synthetic-write', 'synthetic-too-big']).toContain(line.requestId);
  });

  it('replaces an unsafe incoming id with a fresh UUID, and makes one when none is sent', async () => {
    lines.length = 0;
    const forged = await post('{ nations { totalCount } }', { 'x-request-id': 'a b"}{"msg":"forged' });
    const none = await post('{ nations { totalCount } }');
    const tooLong = await post('{ nations { totalCount } }', { 'x-request-id': 'x'.repeat(101) });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const answer of [forged, none, tooLong]) expect(answer.id).toMatch(uuid);
    await linesOf([forged.id!, none.id!, tooLong.id!]);
    for (const line of lines) expect([forged.id, none.id, tooLong.id]).toContain(line.requestId);
    expect(new Set(lines.map((line) => line.requestId)).size).toBe(3);
  });
});
