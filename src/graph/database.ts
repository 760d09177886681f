/**
 * The one gateway to Neo4j. Reads go through executeRead (routable to followers and read replicas),
 * writes through executeWrite (retried on transient errors); connection failures become
 * SERVICE_UNAVAILABLE so no driver text ever reaches a client.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Record as Record_,
} from 'neo4j-driver';
import { ApiError, BadUserInputError, ErrorCode, ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';
import { appendChangesQuery, type ChangeToAppend } from './change-log.cypher';
import type { CypherQuery } from './cypher';
import type { QueryStats } from './query-stats';
import { toPlain, type Plain } from './values';

export type Row = Record<string, Plain>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  logger: Logger;
  /** How long a transaction may be retried on transient failures before giving up. */
  maxRetryTimeMs?: number;
  /**
   * How long a write keeps being retried while it loses lock conflicts (deadlocks) with other
   * writes. Longer than maxRetryTimeMs: the database is up, just busy, and the write should land.
   */
  conflictRetryMs?: number;
  maxConnectionPoolSize?: number;
  /**
   * How long one read statement may run on the server before Neo4j stops it: a bound on the time
   * (and the connection) one request can hold. Unset: no bound (scripts and benchmarks).
   */
  readTimeoutMs?: number;
  /**
   * Called with each statement as it goes to the driver, before it runs: bench/explain.ts records
   * the exact Cypher and parameters of a request this way, to PROFILE them. Unset in the API (one
   * optional call per statement, nothing more).
   */
  onStatement?: (cypher: string, params: Record<string, unknown>) => void;
  /**
   * Statements (reads) and write transactions that take at least this long are logged as slow,
   * with the request's id (logger.ts). Unset: none are.
   */
  slowQueryMs?: number;
}

export interface RunOptions {
  stats?: QueryStats;
  /** Bookmarks from an earlier write: the read waits until the server has caught up with them. */
  bookmarks?: string[];
  /**
   * Runs the statement's whole use of a connection within the caller's share of the pool (see
   * server/client-gate.ts); may refuse it. Unset: no share to respect (startup, scripts).
   */
  gate?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** A write transaction's view: run statements, get plain rows. */
export interface WriteTransaction {
  run(query: CypherQuery): Promise<Row[]>;
  /**
   * What this transaction's own statements created so far, from the server's counters: exact even
   * while other transactions commit (a before/after count of the whole graph would include theirs).
   */
  created(): { nodes: number; relationships: number };
  /**
   * Notes what this transaction changed, for the change log (graph/change-log.cypher.ts). The
   * gateway appends every noted change in one statement after the work is done, just before the
   * commit: the log's counter lock is held from that append to the commit, so as briefly as can be.
   */
  noteChanges(changes: readonly ChangeToAppend[]): void;
}

/** The noted changes in order, each subject's change of a kind once (where it was first noted). */
function distinctChanges(changes: readonly ChangeToAppend[]): ChangeToAppend[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = [change.kind, change.subjectId, change.otherId ?? ''].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs statements of one transaction back to back without waiting for each answer: they go out
 * together (Bolt pipelining) and the server executes them in the order given (groups in the order
 * of their keys, each group's statements in turn), so a lock one takes holds for the reads after
 * it, as if each had been awaited in turn; the transaction waits one round trip instead of one per
 * statement. Answers each group's rows per statement. Settles every statement before it rejects
 * with the first failure, so none is left running when the caller rolls back or retries.
 */
export async function runInOrder<K extends string>(
  tx: WriteTransaction,
  groups: Record<K, readonly CypherQuery[]>,
): Promise<Record<K, Row[][]>> {
  const keys = Object.keys(groups) as K[];
  // Each tx.run sends its statement before it yields, so starting them in a loop keeps the order.
  const started = keys.map((key) => groups[key].map((query) => tx.run(query)));
  const settled = await Promise.allSettled(started.flat());
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const answers = {} as Record<K, Row[][]>;
  for (const [index, key] of keys.entries()) answers[key] = await Promise.all(started[index]);
  return answers;
}

/** executeRead's first pause before retrying a transient failure (the driver's default). */
const READ_RETRY_INITIAL_DELAY_MS = 1_000;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
]);

/** Transient conflicts between concurrent writes: retrying the whole transaction resolves them. */
const CONFLICT_CODES = new Set([
  'Neo.TransientError.Transaction.DeadlockDetected',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * Thrown by a write that finds, once it holds its locks, that a concurrent write changed what it
 * decided on before locking (an id it writes was merged into another meanwhile): the gateway
 * retries it like a deadlock, and the retry decides again on what is now committed.
 */
export class StaleDecisionError extends Error {
  override name = 'StaleDecisionError';
}

export function isWriteConflict(error: unknown): boolean {
  return (
    (error instanceof Neo4jError && CONFLICT_CODES.has(error.code)) || error instanceof StaleDecisionError
  );
}

/** A statement that ran past its transaction timeout (readTimeoutMs) and was stopped by the server. */
const READ_TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Bookmarks the client sent that this database never issued (or from several databases at once). */
const INVALID_BOOKMARK_CODES = new Set([
  'Neo.ClientError.Transaction.InvalidBookmark',
  'Neo.ClientError.Transaction.InvalidBookmarkMixture',
]);
const BOOKMARK_TIMEOUT_CODE = 'Neo.TransientError.Transaction.BookmarkTimeout';
/** The driver gives a pool timeout no code of its own: its message is all there is to go by. */
const POOL_ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/**
 * Driver errors that mean something specific to the client: the API's connections are all busy,
 * the database hasn't caught up with the client's bookmarks, or the bookmarks aren't this
 * database's. Undefined for every other error.
 */
export function clientErrorFor(error: unknown): ApiError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  if (POOL_ACQUISITION_TIMEOUT.test(error.message)) {
    return new ServiceUnavailableError(
      'Every database connection is busy with other requests; retry in a few seconds.',
    );
  }
  if (error.code === BOOKMARK_TIMEOUT_CODE) {
    return new ServiceUnavailableError(
      'The database has not caught up yet with the writes named in the Neo4j-Bookmarks header; retry in a few seconds.',
    );
  }
  if (INVALID_BOOKMARK_CODES.has(error.code)) {
    return new BadUserInputError(
      'The Neo4j-Bookmarks header holds a bookmark this database did not issue: send only bookmarks from `extensions.bookmarks` of this API.',
      { header: 'Neo4j-Bookmarks' },
    );
  }
  return undefined;
}

/** True for errors that mean "the database can't be reached", as opposed to a bad statement. */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    return UNAVAILABLE_CODES.has(error.code) || error.retryable === true;
  }
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code);
}

export class GraphDatabase {
  readonly driver: Driver;
  /** Write transactions the driver re-ran after a transient failure (deadlock, leader switch). */
  retriedWrites = 0;
  readonly maxConnectionPoolSize: number;
  /** Driver sessions open now: each holds a pooled connection or waits for one (for /metrics). */
  private openSessions = 0;
  private readonly slowQueryMs: number | undefined;
  private readonly database: string;
  private readonly logger: Logger;
  private readonly conflictRetryMs: number;
  private readonly readTimeoutMs: number | undefined;
  private readonly maxRetryTimeMs: number;
  private readonly onStatement: DatabaseOptions['onStatement'];

  constructor(options: DatabaseOptions) {
    this.database = options.database;
    this.onStatement = options.onStatement;
    this.logger = options.logger;
    this.conflictRetryMs = options.conflictRetryMs ?? 20_000;
    this.readTimeoutMs = options.readTimeoutMs;
    this.maxRetryTimeMs = options.maxRetryTimeMs ?? 3_000;
    this.slowQueryMs = options.slowQueryMs;
    this.maxConnectionPoolSize = options.maxConnectionPoolSize ?? 100;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast while the database is down: callers get SERVICE_UNAVAILABLE in seconds, not minutes.
      maxTransactionRetryTime: this.maxRetryTimeMs,
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxConnectionPoolSize: this.maxConnectionPoolSize,
      disableLosslessIntegers: false,
    });
  }

  /** Sessions open now, each one statement or write transaction using or awaiting a connection. */
  get sessionsOpen(): number {
    return this.openSessions;
  }

  /** Runs one read statement as its own transaction and returns plain rows. */
  async read(query: CypherQuery, options: RunOptions = {}): Promise<Row[]> {
    return options.gate ? options.gate(() => this.readNow(query, options)) : this.readNow(query, options);
  }

  /**
   * A read is one statement, so it runs as an auto-commit transaction: RUN and PULL go out in one
   * write and the answer ends the transaction, where a managed transaction (executeRead) costs a
   * BEGIN and a COMMIT besides, each its own socket write and the COMMIT a round trip of its own.
   * Transient failures are retried as executeRead retries them (same errors, same backoff, within
   * the same maxTransactionRetryTime), so a client sees the same answers and the same errors.
   */
  private async readNow(query: CypherQuery, options: RunOptions): Promise<Row[]> {
    let retryStarted: number | undefined;
    let retryDelayMs = READ_RETRY_INITIAL_DELAY_MS;
    for (;;) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarks: options.bookmarks,
      });
      this.openSessions += 1;
      try {
        options.stats?.record(query.cypher);
        this.onStatement?.(query.cypher, query.params);
        const started = Date.now();
        const result = await session.run(
          query.cypher,
          query.params,
          this.readTimeoutMs ? { timeout: this.readTimeoutMs } : undefined,
        );
        this.logIfSlow(started, query, 'slow read statement');
        return plainRows(result.records);
      } catch (error) {
        retryStarted ??= Date.now();
        if (Date.now() - retryStarted > this.maxRetryTimeMs || !neo4j.isRetryableError(error)) {
          throw this.translate(error, query);
        }
      } finally {
        this.openSessions -= 1;
        await session.close();
      }
      // The driver's schedule: 1 s, then twice as long each time, each ±20 %.
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * (0.8 + 0.4 * Math.random())));
      retryDelayMs *= 2;
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does. `work` may run more
   * than once when the driver retries a transient failure, so it must not have side effects outside
   * the transaction. Returns the work's result and the bookmarks that make it visible to later reads.
   * Requests and imports write through GraphWriter, which keeps those bookmarks and passes the options.
   */
  async write<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    options: RunOptions = {},
  ): Promise<{ result: T; bookmarks: string[] }> {
    return options.gate ? options.gate(() => this.writeNow(work, options)) : this.writeNow(work, options);
  }

  private async writeNow<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    options: RunOptions,
  ): Promise<{ result: T; bookmarks: string[] }> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarks: options.bookmarks,
    });
    this.openSessions += 1;
    let lastQuery: CypherQuery | undefined;
    let attempts = 0;
    const started = Date.now();
    const conflictDeadline = started + this.conflictRetryMs;
    try {
      for (;;) {
        try {
          const result = await session.executeWrite(async (tx) => {
            attempts += 1;
            // Counted per attempt: a retried attempt starts from nothing, as its transaction does.
            const created = { nodes: 0, relationships: 0 };
            const noted: ChangeToAppend[] = [];
            const run = (query: CypherQuery) => {
              lastQuery = query;
              options.stats?.record(query.cypher);
              this.onStatement?.(query.cypher, query.params);
              return runPlain(tx, query, created);
            };
            const result = await work({
              run,
              created: () => ({ ...created }),
              noteChanges: (changes) => noted.push(...changes),
            });
            if (noted.length > 0) await run(appendChangesQuery(distinctChanges(noted)));
            return result;
          });
          this.logIfSlow(started, lastQuery, 'slow write transaction');
          return { result, bookmarks: session.lastBookmarks() };
        } catch (error) {
          // The driver gave up within its short outage window; a write that keeps losing lock
          // conflicts gets longer, with a random pause so the writers it collides with drift apart.
          if (!isWriteConflict(error) || Date.now() > conflictDeadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
        }
      }
    } catch (error) {
      throw this.translate(error, lastQuery);
    } finally {
      if (attempts > 1) {
        this.retriedWrites += attempts - 1;
        this.logger.warn({ attempts }, 'write transaction retried after transient errors');
      }
      this.openSessions -= 1;
      await session.close();
    }
  }

  /** Answers whether the database accepts queries right now (used by /ready). */
  async ping(): Promise<boolean> {
    try {
      await this.read({ cypher: 'RETURN 1 AS ok', params: {} });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /** A statement (or transaction, named by its last statement) over SLOW_QUERY_MS, for tuning. */
  private logIfSlow(started: number, query: CypherQuery | undefined, message: string): void {
    if (this.slowQueryMs === undefined) return;
    const ms = Date.now() - started;
    if (ms >= this.slowQueryMs) this.logger.warn({ ms, cypher: query?.cypher.slice(0, 200) }, message);
  }

  private translate(error: unknown, query: CypherQuery | undefined): unknown {
    if (error instanceof Neo4jError && READ_TIMEOUT_CODES.has(error.code)) {
      this.logger.warn({ cypher: query?.cypher.slice(0, 500) }, 'read stopped at its time limit');
      return new ApiError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `The query ran longer than ${(this.readTimeoutMs ?? 0) / 1000} s and was stopped: ask for fewer items (a smaller \`first\`, fewer nested lists) or narrow it with a filter.`,
      );
    }
    const clientError = clientErrorFor(error);
    if (clientError) {
      this.logger.warn({ err: describe(error) }, 'neo4j refused the request');
      return clientError;
    }
    if (isWriteConflict(error)) {
      this.logger.warn({ err: describe(error) }, 'write kept losing lock conflicts');
      return new ServiceUnavailableError(
        'The database is busy with conflicting writes to the same records; retry the request.',
      );
    }
    if (isUnavailableError(error)) {
      this.logger.warn({ err: describe(error) }, 'neo4j unavailable');
      return new ServiceUnavailableError();
    }
    // Errors the work raised itself (e.g. a rejected document) are the caller's to report.
    if (!(error instanceof Neo4jError)) return error;
    // A driver error that isn't an outage is our fault (a bad statement or a bug): log it, let the formatter mask it.
    this.logger.error({ err: describe(error), cypher: query?.cypher.slice(0, 500) }, 'neo4j query failed');
    return error;
  }
}

async function runPlain(
  tx: ManagedTransaction,
  query: CypherQuery,
  created?: { nodes: number; relationships: number },
): Promise<Row[]> {
  const result = await tx.run(query.cypher, query.params);
  if (created) {
    const updates = result.summary.counters.updates();
    created.nodes += updates.nodesCreated;
    created.relationships += updates.relationshipsCreated;
  }
  return plainRows(result.records);
}

function plainRows(records: readonly Record_[]): Row[] {
  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

function describe(error: unknown): { code?: string; message: string } {
  if (error instanceof Error) return { code: (error as { code?: string }).code, message: error.message };
  return { message: String(error) };
}
