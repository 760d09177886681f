/**
 * What every resolver receives: a per-request reader (batched loads), the request's write service
 * (its one GraphWriter), stats and identity. The database itself stays in graph/: resolvers read
 * and write only through these, so every statement carries the request's bookmarks and client share.
 */
import type { GraphDatabase, RunOptions } from '../graph/database';
import { GraphReader } from '../graph/graph-reader';
import { GraphWriter } from '../graph/graph-writer';
import { QueryStats } from '../graph/query-stats';
import type { Role } from '../auth/api-keys';
import type { Logger } from '../logger';
import { MergeService } from '../modules/curation/merge.service';
import { AssessmentService } from '../modules/reliability/assessment.service';
import { WriteService } from '../modules/write/write.service';

export interface Principal {
  /** The key's name (never the key itself). */
  keyId: string;
  role: Role;
  /** May run operations outside the trusted-documents manifest (admins, or keys flagged `adhoc`). */
  adHoc: boolean;
}

export interface RequestContext {
  requestId: string;
  reader: GraphReader;
  /** The mutations' use-cases, built once per request around its one writer. */
  writes: WriteService;
  /** Merges of two nodes into one, and their undo (the same writer). */
  merges: MergeService;
  /** Editors' grades of publishers, credibility of facts, dismissed duplicates. */
  assessments: AssessmentService;
  stats: QueryStats;
  logger: Logger;
  /** Bookmarks of this request's writes as the client gets them: sealed, so only they can be sent back. */
  issuedBookmarks(): string[];
  principal: Principal | undefined;
}

export function createRequestContext(options: {
  requestId: string;
  db: GraphDatabase;
  /** The request's logger, or a function that makes it when first used. */
  logger: Logger | (() => Logger);
  /**
   * Bookmarks the client sent (header `Neo4j-Bookmarks`, opened from their seal: see
   * bookmark-seal.ts): reads and writes wait until those writes are visible.
   */
  bookmarks?: string[];
  /** This client's share of the database: every statement the request runs goes through it. */
  gate?: RunOptions['gate'];
  /** Seals a bookmark for the client (bookmark-seal.ts). */
  seal: (bookmark: string) => string;
  principal?: Principal;
}): RequestContext {
  const stats = new QueryStats();
  const reader = new GraphReader(options.db, stats, options.bookmarks, options.gate);
  const writer = new GraphWriter(options.db, { stats, bookmarks: options.bookmarks, gate: options.gate });
  const makeLogger = options.logger;
  let logger = typeof makeLogger === 'function' ? undefined : makeLogger;
  return {
    requestId: options.requestId,
    stats,
    reader,
    writes: new WriteService(reader, writer),
    merges: new MergeService(writer),
    assessments: new AssessmentService(writer),
    get logger() {
      return (logger ??= (makeLogger as () => Logger)());
    },
    issuedBookmarks: () => writer.bookmarks.map(options.seal),
    principal: options.principal,
  };
}
