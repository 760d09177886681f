/**
 * The API's Prometheus metrics (served at GET /metrics). Each API instance has its own registry,
 * so several instances in one process (tests) keep separate counts. Labels never hold keys, query
 * texts or variables: only operation names (bounded, see OperationNames), operation types and
 * error codes.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ErrorCode } from '../errors';

/** Subscriptions and change-log tailing, reported by the live-updates part once it is wired in. */
export interface LiveStats {
  /** graphql-ws subscriptions open on this instance now. */
  openSubscriptions: number;
  /** Change-log entries committed but not yet read by this instance's tailer. */
  changeLogLagEntries: number;
  /** Age of the oldest change this instance's tailer has not read yet, in seconds (0 when caught up). */
  changeLogLagSeconds: number;
}

/** What the database gateway and the client gate know about the connections in use (see HELP texts). */
export interface DatabaseLoad {
  sessionsOpen(): number;
  gateRunning(): number;
  gateWaiting(): number;
  maxConnectionPoolSize: number;
}

export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATION = 'other';
/** Requests that never resolved to an operation (unparsable, invalid, unknown operationName). */
export const UNRESOLVED_OPERATION = 'unresolved';

/**
 * Operation names as metric labels, bounded: the first `limit` distinct names get series of their
 * own and every later name shares "other", so a client sending random names can't grow memory (or
 * the scrape) without bound. The project's own operations (`known`: the trusted-documents
 * manifest's) always have their own series, outside that budget, so a client that spends it first
 * cannot fold the pages' operations into "other".
 */
export class OperationNames {
  private readonly seen = new Set<string>();
  private readonly known: ReadonlySet<string>;

  constructor(
    readonly limit: number,
    known: Iterable<string> = [],
  ) {
    this.known = new Set(known);
  }

  label(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.limit || name.length > 100) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
/** The first path segments with a series of their own in http_responses_total; any other is "other". */
const ROUTES = new Set([
  'graphql',
  'export',
  'metrics',
  'health',
  'ready',
  'playground',
  'explorer',
  'review',
]);
const NO_LIVE_STATS: LiveStats = { openSubscriptions: 0, changeLogLagEntries: 0, changeLogLagSeconds: 0 };

/** Seconds: from a cached lookup (a few ms) to the read timeout (10 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class ApiMetrics {
  readonly registry = new Registry();
  readonly operationNames: OperationNames;
  private liveStats: () => LiveStats = () => NO_LIVE_STATS;
  private readonly requests: Counter<'operation_name' | 'operation_type'>;
  private readonly duration: Histogram<'operation_name' | 'operation_type'>;
  private readonly errors: Counter<'code'>;
  private readonly httpResponses: Counter<'route' | 'status'>;

  constructor(
    database: DatabaseLoad,
    options: { operationNameLimit?: number; knownOperationNames?: Iterable<string> } = {},
  ) {
    const registers = [this.registry];
    this.operationNames = new OperationNames(options.operationNameLimit ?? 200, options.knownOperationNames);
    collectDefaultMetrics({ register: this.registry });

    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: `GraphQL requests answered, by operation name (anonymous: no name; other: past the first ${this.operationNames.limit} names; unresolved: the document did not parse or validate) and type (query, mutation, subscription, unknown).`,
      labelNames: ['operation_name', 'operation_type'],
      registers,
    });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its answer being ready to send, in seconds, by operation name and type (labels as graphql_requests_total).',
      labelNames: ['operation_name', 'operation_type'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code as clients receive it (one request may count several).',
      labelNames: ['code'],
      registers,
    });

    this.httpResponses = new Counter({
      name: 'http_responses_total',
      help: 'HTTP responses by route (first path segment; "other" for any other) and status, including refusals GraphQL never sees: 401 without a valid key, 429 over the rate limit, 413 over the body limit.',
      labelNames: ['route', 'status'],
      registers,
    });

    new Gauge({
      name: 'neo4j_sessions_open',
      help: 'Neo4j driver sessions this API has open now: each is one statement or write transaction that holds a pooled connection or waits for one (the driver does not say which).',
      registers,
      collect() {
        this.set(database.sessionsOpen());
      },
    });
    new Gauge({
      name: 'neo4j_pool_max_connections',
      help: 'The driver connection pool size (maxConnectionPoolSize): neo4j_sessions_open above it means sessions wait for a connection.',
      registers,
      collect() {
        this.set(database.maxConnectionPoolSize);
      },
    });
    new Gauge({
      name: 'neo4j_client_gate_running',
      help: "Database statements running now within their client's share (server/client-gate.ts), all clients together.",
      registers,
      collect() {
        this.set(database.gateRunning());
      },
    });
    new Gauge({
      name: 'neo4j_client_gate_waiting',
      help: "Database statements waiting for a turn in their client's share (server/client-gate.ts), all clients together: callers queued before they ask the pool for a connection.",
      registers,
      collect() {
        this.set(database.gateWaiting());
      },
    });

    const live = () => this.liveStats();
    new Gauge({
      name: 'graphql_open_subscriptions',
      help: 'GraphQL subscriptions (graphql-ws) open on this instance now; 0 until the live-updates part reports them.',
      registers,
      collect() {
        this.set(live().openSubscriptions);
      },
    });
    new Gauge({
      name: 'change_log_lag_entries',
      help: "Change-log entries committed but not yet read by this instance's tailer; 0 until reported.",
      registers,
      collect() {
        this.set(live().changeLogLagEntries);
      },
    });
    new Gauge({
      name: 'change_log_lag_seconds',
      help: "Age in seconds of the oldest change-log entry this instance's tailer has not read yet (0 when caught up); 0 until reported.",
      registers,
      collect() {
        this.set(live().changeLogLagSeconds);
      },
    });
  }

  /** Where open subscriptions and change-log lag come from; read at each scrape. */
  setLiveStats(provider: () => LiveStats): void {
    this.liveStats = provider;
  }

  /** Counts one answered GraphQL request: its operation, how long it took, and its errors' codes. */
  recordRequest(request: {
    operationName: string | null | undefined;
    operationType: string | undefined;
    resolved: boolean;
    seconds: number;
    errorCodes: readonly unknown[];
  }): void {
    const labels = {
      operation_name: request.resolved
        ? this.operationNames.label(request.operationName)
        : UNRESOLVED_OPERATION,
      operation_type: request.operationType ?? 'unknown',
    };
    this.requests.inc(labels);
    this.duration.observe(labels, request.seconds);
    for (const code of request.errorCodes) {
      // The error formatter only lets our own codes out; anything else would be a bug, counted apart.
      this.errors.inc({ code: typeof code === 'string' && ERROR_CODES.has(code) ? code : 'OTHER' });
    }
  }

  /** Counts one finished HTTP response; `path` is the URL path (no query string). */
  recordHttpResponse(path: string, status: number): void {
    const segment = path.split('/')[1] ?? '';
    this.httpResponses.inc({ route: ROUTES.has(segment) ? segment : 'other', status: String(status) });
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
