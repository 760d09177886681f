/**
 * Finds the local Neo4j already running on a data directory, from the discovery file its launcher
 * left there (bolt-file.ts): usable only if the Java process it names is alive and its Bolt URI
 * answers `RETURN 1`, since a file can outlive a crash and a hung process still holds the store lock.
 */
import { GraphDatabase } from '../graph/database';
import { createLogger } from '../logger';
import { readBoltFile, type BoltFile } from './bolt-file';

export type LocalNeo4jDiscovery =
  /** No local Neo4j has announced itself here. */
  | { state: 'none' }
  /** It answers: use it. */
  | { state: 'running'; entry: BoltFile }
  /** The file outlived its Java process (killed, crashed): nothing holds the data. */
  | { state: 'gone'; entry: BoltFile }
  /** The Java process lives but doesn't answer at its URI (still starting, stopping, or hung). */
  | { state: 'unresponsive'; entry: BoltFile };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it holds the data.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `uri` answers `RETURN 1` within `timeoutMs`; a stopped process accepts TCP but never replies. */
async function answers(uri: string, timeoutMs: number): Promise<boolean> {
  const db = new GraphDatabase({
    uri,
    // The local Neo4j runs with auth off; these are ignored.
    user: 'neo4j',
    password: 'neo4j',
    database: 'neo4j',
    logger: createLogger('silent'),
    maxRetryTimeMs: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db.ping(),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // Closing waits for open connections; one to a hung server must not hold the caller.
    void db.close().catch(() => {});
  }
}

export async function discoverLocalNeo4j(dataDir: string, timeoutMs = 5_000): Promise<LocalNeo4jDiscovery> {
  const entry = readBoltFile(dataDir);
  if (!entry) return { state: 'none' };
  if (!isAlive(entry.pid)) return { state: 'gone', entry };
  return (await answers(entry.uri, timeoutMs))
    ? { state: 'running', entry }
    : { state: 'unresponsive', entry };
}
