/**
 * The write side's one gateway, beside GraphReader: every write transaction is opened here. Each
 * waits until the database has caught up with the client's bookmarks, runs within the client's
 * share of the database, counts its round trips, and keeps the bookmarks that make it visible to
 * later reads (this request's read-back, and the client's next request). Conflicting writes are
 * retried by GraphDatabase.write.
 */
import type { GraphDatabase, RunOptions, WriteTransaction } from './database';
import { GraphReader } from './graph-reader';
import type { QueryStats } from './query-stats';

export interface GraphWriterOptions {
  stats?: QueryStats;
  /** The client's bookmarks (opened from their seal): writes wait until those are visible. */
  bookmarks?: string[];
  gate?: RunOptions['gate'];
}

export class GraphWriter {
  private readonly committed: string[] = [];

  constructor(
    private readonly db: GraphDatabase,
    private readonly options: GraphWriterOptions = {},
  ) {}

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does. `work` may run more
   * than once (retried conflicts), so it must not have side effects outside the transaction.
   */
  async write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const { result, bookmarks } = await this.db.write(work, {
      stats: this.options.stats,
      // This request's earlier writes too: a later mutation of the same request builds on them.
      bookmarks: [...(this.options.bookmarks ?? []), ...this.committed],
      gate: this.options.gate,
    });
    this.committed.push(...bookmarks);
    return result;
  }

  /** Bookmarks of the writes committed so far, raw: the server seals them for the client. */
  get bookmarks(): readonly string[] {
    return this.committed;
  }

  /** A reader that sees every write committed so far, to hand back what was just written. */
  readerAfterWrites(): GraphReader {
    return new GraphReader(this.db, this.options.stats, [...this.committed], this.options.gate);
  }
}
