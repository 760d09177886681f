/**
 * The one gateway to Neo4j. Reads go through executeRead (routable to followers and read replicas),
 * writes through executeWrite (retried on transient errors); connection failures become
 * SERVICE_UNAVAILABLE so no driver text ever reaches a client.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';
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
}

export interface RunOptions {
  stats?: QueryStats;
  /** Bookmarks from an earlier write: the read waits until the server has caught up with them. */
  bookmarks?: string[];
}

/** A write transaction's view: run statements, get plain rows. */
export interface WriteTransaction {
  run(query: CypherQuery): Promise<Row[]>;
}

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

export function isWriteConflict(error: unknown): boolean {
  return error instanceof Neo4jError && CONFLICT_CODES.has(error.code);
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
  private readonly database: string;
  private readonly logger: Logger;
  private readonly conflictRetryMs: number;

  constructor(options: DatabaseOptions) {
    this.database = options.database;
    this.logger = options.logger;
    this.conflictRetryMs = options.conflictRetryMs ?? 20_000;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast while the database is down: callers get SERVICE_UNAVAILABLE in seconds, not minutes.
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 3_000,
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
      disableLosslessIntegers: false,
    });
  }

  /** Runs one read statement as its own transaction and returns plain rows. */
  async read(query: CypherQuery, options: RunOptions = {}): Promise<Row[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarks: options.bookmarks,
    });
    try {
      return await session.executeRead(async (tx) => {
        options.stats?.record(query.cypher);
        return runPlain(tx, query);
      });
    } catch (error) {
      throw this.translate(error, query);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does. `work` may run more
   * than once when the driver retries a transient failure, so it must not have side effects outside
   * the transaction. Returns the work's result and the bookmarks that make it visible to later reads.
   */
  async write<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    options: RunOptions = {},
  ): Promise<{ result: T; bookmarks: string[] }> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarks: options.bookmarks,
    });
    let lastQuery: CypherQuery | undefined;
    let attempts = 0;
    const conflictDeadline = Date.now() + this.conflictRetryMs;
    try {
      for (;;) {
        try {
          const result = await session.executeWrite(async (tx) => {
            attempts += 1;
            return work({
              run: (query) => {
                lastQuery = query;
                options.stats?.record(query.cypher);
                return runPlain(tx, query);
              },
            });
          });
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

  private translate(error: unknown, query: CypherQuery | undefined): unknown {
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

async function runPlain(tx: ManagedTransaction, query: CypherQuery): Promise<Row[]> {
  const result = await tx.run(query.cypher, query.params);
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

function describe(error: unknown): { code?: string; message: string } {
  if (error instanceof Error) return { code: (error as { code?: string }).code, message: error.message };
  return { message: String(error) };
}
