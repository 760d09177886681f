/**
 * GET /metrics against the real API: per-operation counts and latency buckets, errors by code,
 * the database load gauges, the live-updates gauges' provider, who may read it, and the bound on
 * operation-name labels under a stream of made-up names.
 */
import { LATEST_MEETING } from '../src/web/explorer/queries';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

/** The value of one sample (`name{labels} value`) in a Prometheus text exposition, if present. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Every value the label takes across the samples of one metric. */
function labelValues(text: string, name: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const value = new RegExp(`${label}="((?:[^"\\\\]|\\\\.)*)"`).exec(line)?.[1];
    if (value !== undefined) values.add(value);
  }
  return values;
}

describe('GET /metrics', () => {
  let api: TestApi;
  const keys = testKeys();

  beforeAll(async () => {
    api = await startTestApi({
      // Counting needs no data: an empty graph still runs every statement through the gate.
      seed: false,
      env: {
        API_KEYS: keys.env,
        // The cardinality test sends 1,000 requests from one client.
        RATE_LIMIT_PER_MINUTE: '5000',
        // One statement at a time per client, so a burst queues in the gate where the gauge sees it.
        CLIENT_CONCURRENT_QUERIES: '1',
      },
    });
  });
  afterAll(() => api.stop());

  const scrape = async (key = keys.admin) => {
    const response = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  it('is for admin keys only: 401 without a key, 403 for a reader, 200 text for an admin', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const reader = await scrape(keys.reader);
    expect(reader.status).toBe(403);
    expect(JSON.parse(reader.text).errors[0].extensions.code).toBe('FORBIDDEN');
    const admin = await scrape();
    expect(admin.status).toBe(200);
    expect(admin.type).toMatch(/^text\/plain; version=0\.0\.4/);
    // Default process metrics come along.
    expect(sample(admin.text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts requests and latency per operation, and errors by code', async () => {
    const before = await scrape();
    const named = { operation_name: 'MetricsNationCount', operation_type: 'query' };
    const count = (text: string) => sample(text, 'graphql_requests_total', named) ?? 0;
    const badInput = (text: string) => sample(text, 'graphql_errors_total', { code: 'BAD_USER_INPUT' }) ?? 0;

    for (let i = 0; i < 3; i += 1) {
      const answer = await api.query('query MetricsNationCount { nations { totalCount } }');
      expect(answer.errors).toBeUndefined();
    }
    await api.query('{ nations { totalCount } }');
    const unparsable = await api.query('query Broken { nations { ');
    expect(unparsable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const invalid = await api.query('query MetricsInvalid { noSuchField }');
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const after = await scrape();
    expect(count(after.text) - count(before.text)).toBe(3);
    expect(
      sample(after.text, 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'query' }),
    ).toBeGreaterThanOrEqual(1);
    // Neither broken document resolved to an operation: their (client-chosen) names get no series.
    expect(
      sample(after.text, 'graphql_requests_total', { operation_name: 'unresolved' }),
    ).toBeGreaterThanOrEqual(2);
    expect(labelValues(after.text, 'graphql_requests_total', 'operation_name')).not.toContain('Broken');
    expect(badInput(after.text) - badInput(before.text)).toBe(2);

    // Histogram: every request is in the +Inf bucket, buckets are cumulative, the sum is a time.
    const bucket = (le: string) =>
      sample(after.text, 'graphql_request_duration_seconds_bucket', { ...named, le }) ?? 0;
    expect(bucket('+Inf')).toBe(count(after.text));
    expect(bucket('10')).toBeLessThanOrEqual(bucket('+Inf'));
    expect(bucket('0.005')).toBeLessThanOrEqual(bucket('10'));
    expect(sample(after.text, 'graphql_request_duration_seconds_count', named)).toBe(count(after.text));
    expect(sample(after.text, 'graphql_request_duration_seconds_sum', named)).toBeGreaterThan(0);
  });

  it('shows the database load: sessions in use and statements waiting while a burst runs, none after', async () => {
    // Thirty requests from one client with one statement at a time: most wait in the client gate.
    const burst = Promise.all(
      Array.from({ length: 30 }, () =>
        api.query(
          '{ nations(first: 50) { totalCount nodes { id name } } meetings(first: 50) { totalCount } }',
        ),
      ),
    );
    let busiest = { sessions: 0, waiting: 0 };
    for (let i = 0; i < 50 && (busiest.sessions === 0 || busiest.waiting === 0); i += 1) {
      const { text } = await scrape();
      busiest = {
        sessions: Math.max(busiest.sessions, sample(text, 'neo4j_sessions_open') ?? 0),
        waiting: Math.max(busiest.waiting, sample(text, 'neo4j_client_gate_waiting') ?? 0),
      };
    }
    const answers = await burst;
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(busiest.sessions).toBeGreaterThanOrEqual(1);
    expect(busiest.waiting).toBeGreaterThanOrEqual(1);

    const idle = await scrape();
    expect(sample(idle.text, 'neo4j_sessions_open')).toBe(0);
    expect(sample(idle.text, 'neo4j_client_gate_waiting')).toBe(0);
    expect(sample(idle.text, 'neo4j_client_gate_running')).toBe(0);
    expect(sample(idle.text, 'neo4j_pool_max_connections')).toBe(100);
  });

  it('counts HTTP refusals GraphQL never sees, by route and status', async () => {
    const refused = (text: string) =>
      sample(text, 'http_responses_total', { route: 'graphql', status: '401' }) ?? 0;
    const before = await scrape();
    const response = await api.query('{ nations { totalCount } }', {}, { authorization: 'Bearer not-a-key' });
    expect(response.status).toBe(401);
    // Made-up paths share the series "other", whatever they are.
    await fetch(`${api.url}/synthetic-no-such-path-${Math.random()}`);
    const after = await scrape();
    expect(refused(after.text) - refused(before.text)).toBe(1);
    expect(
      sample(after.text, 'http_responses_total', { route: 'other', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    for (const route of labelValues(after.text, 'http_responses_total', 'route'))
      expect([
        'graphql',
        'export',
        'metrics',
        'health',
        'ready',
        'playground',
        'explorer',
        'review',
        'other',
      ]).toContain(route);
  });

  it('reports open subscriptions and change-log lag from the provider set later, 0 until then', async () => {
    const before = await scrape();
    expect(sample(before.text, 'graphql_open_subscriptions')).toBe(0);
    expect(sample(before.text, 'change_log_lag_seconds')).toBe(0);
    api.api.metrics.setLiveStats(() => ({
      openSubscriptions: 7,
      changeLogLagEntries: 3,
      changeLogLagSeconds: 1.5,
    }));
    const after = await scrape();
    expect(sample(after.text, 'graphql_open_subscriptions')).toBe(7);
    expect(sample(after.text, 'change_log_lag_entries')).toBe(3);
    expect(sample(after.text, 'change_log_lag_seconds')).toBe(1.5);
  });

  it('keeps operation names bounded under 1,000 made-up names', async () => {
    const limit = api.api.metrics.operationNames.limit;
    const names = Array.from(
      { length: 1000 },
      (_, i) => `Random${i}_${Math.random().toString(36).slice(2, 10)}`,
    );
    // Ten at a time: a steady stream, not one burst the rate limit or the gate would refuse.
    for (let start = 0; start < names.length; start += 10) {
      const answers = await Promise.all(
        names.slice(start, start + 10).map((name) => api.query(`query ${name} { __typename }`)),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
    }
    // One of the project's own operations (the explorer's), sent after the budget is spent.
    const latest = await api.query(String(LATEST_MEETING));
    expect(latest.status).toBe(200);
    const { text } = await scrape();
    const labelled = labelValues(text, 'graphql_requests_total', 'operation_name');
    // The project's operations keep their own series whatever came first.
    expect(labelled).toContain('LatestMeeting');
    labelled.delete('LatestMeeting');
    // The limit of distinct names, plus the shared sentinels; never one series per name.
    expect(labelled.size).toBeLessThanOrEqual(limit + 3);
    const other =
      sample(text, 'graphql_requests_total', { operation_name: 'other', operation_type: 'query' }) ?? 0;
    expect(other).toBeGreaterThanOrEqual(1000 - limit);
    // A name seen before the bound filled keeps its own series.
    expect(labelled).toContain('MetricsNationCount');
  });
});
