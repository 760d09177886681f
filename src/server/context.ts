/** What every resolver receives: a per-request reader (batched loads), stats and identity. */
import type { GraphDatabase, RunOptions } from '../graph/database';
import { GraphReader } from '../graph/graph-reader';
import { QueryStats } from '../graph/query-stats';
import type { Role } from '../auth/api-keys';
import type { Logger } from '../logger';

export interface Principal {
  /** The key's name (never the key itself). */
  keyId: string;
  role: Role;
}

export interface RequestContext {
  requestId: string;
  db: GraphDatabase;
  reader: GraphReader;
  stats: QueryStats;
  logger: Logger;
  /**
   * Bookmarks the client sent (header `Neo4j-Bookmarks`, opened from their seal: see
   * bookmark-seal.ts): reads wait until those writes are visible.
   */
  bookmarks: string[] | undefined;
  /** Bookmarks produced by this request's writes (raw; sealed on the way out). */
  newBookmarks: string[];
  /** This request's bookmarks as the client gets them: sealed, so only they can be sent back. */
  issuedBookmarks(): string[];
  /** This client's share of the database: every statement the request runs goes through it. */
  gate: RunOptions['gate'];
  principal: Principal | undefined;
}

export function createRequestContext(options: {
  requestId: string;
  db: GraphDatabase;
  logger: Logger;
  bookmarks?: string[];
  gate?: RunOptions['gate'];
  /** Seals a bookmark for the client (bookmark-seal.ts). */
  seal: (bookmark: string) => string;
  principal?: Principal;
}): RequestContext {
  const stats = new QueryStats();
  const newBookmarks: string[] = [];
  return {
    requestId: options.requestId,
    db: options.db,
    stats,
    reader: new GraphReader(options.db, stats, options.bookmarks, options.gate),
    logger: options.logger,
    bookmarks: options.bookmarks,
    newBookmarks,
    issuedBookmarks: () => newBookmarks.map(options.seal),
    gate: options.gate,
    principal: options.principal,
  };
}
