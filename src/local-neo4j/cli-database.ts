/**
 * The database a command-line tool (`npm run import`, `npm run draft`) works on: NEO4J_URI when set,
 * else the local Neo4j on LOCAL_NEO4J_DATA_DIR (the one `npm start` runs there, reused, or one
 * started for the tool). `close` closes the driver and stops a Neo4j the tool started.
 */
import type { Config } from '../config';
import { GraphDatabase } from '../graph/database';
import type { Logger } from '../logger';
import { reuseOrStartLocalNeo4j, type SharedLocalNeo4j } from './reuse-or-start';

export interface CliDatabase {
  db: GraphDatabase;
  uri: string;
  close(): Promise<void>;
}

export async function openCliDatabase(config: Config, logger: Logger): Promise<CliDatabase> {
  let local: SharedLocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    local = await reuseOrStartLocalNeo4j({
      port: config.localNeo4j.port,
      dataDir: config.localNeo4j.dataDir,
      heapMb: config.localNeo4j.heapMb,
      pageCacheMb: config.localNeo4j.pageCacheMb,
    });
    uri = local.uri;
    if (local.reused) process.stderr.write(`using the local Neo4j already running at ${uri}\n`);
  }
  const db = new GraphDatabase({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    logger,
  });
  return {
    db,
    uri,
    close: async () => {
      await db.close();
      await local?.stop();
    },
  };
}
