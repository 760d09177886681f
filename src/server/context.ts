/** What every resolver receives: a per-request reader (batched loads), stats and identity. */
import type { GraphDatabase } from '../graph/database';
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
  /** Bookmarks the client sent (header `Neo4j-Bookmarks`): reads wait until those writes are visible. */
  bookmarks: string[] | undefined;
  /** Bookmarks produced by this request's writes, returned to the client. */
  newBookmarks: string[];
  principal: Principal | undefined;
}

export function createRequestContext(options: {
  requestId: string;
  db: GraphDatabase;
  logger: Logger;
  bookmarks?: string[];
  principal?: Principal;
}): RequestContext {
  const stats = new QueryStats();
  return {
    requestId: options.requestId,
    db: options.db,
    stats,
    reader: new GraphReader(options.db, stats, options.bookmarks),
    logger: options.logger,
    bookmarks: options.bookmarks,
    newBookmarks: [],
    principal: options.principal,
  };
}
