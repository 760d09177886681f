/** A database connection for scripts that talk to Neo4j directly (benchmarks, import runs). */
import { GraphDatabase } from '../../src/graph/database';
import { createLogger } from '../../src/logger';

export function scriptDatabase(uri: string, password = 'neo4j'): GraphDatabase {
  return new GraphDatabase({
    uri,
    user: 'neo4j',
    password,
    database: 'neo4j',
    logger: createLogger('warn'),
    // Long imports share the machine with Neo4j: give transient failures time to clear.
    maxRetryTimeMs: 30_000,
  });
}
