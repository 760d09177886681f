/**
 * What a script that needs the local Neo4j calls: it uses the one already running on the data
 * directory (usually `npm start`'s) and starts its own only when none runs. Neo4j locks its store, so
 * a second one on the same data could never start; when neither works, the error says what to do.
 */
import path from 'node:path';
import { discoverLocalNeo4j, type LocalNeo4jDiscovery } from './discovery';
import { LocalNeo4jLockedError, startLocalNeo4j, type LocalNeo4jOptions } from './launcher';

/** How long to wait for the Neo4j holding the data to announce itself (starting takes 5-15 s). */
const HOLDER_WAIT_MS = 20_000;

export interface SharedLocalNeo4j {
  uri: string;
  /** True when another process runs it: stop() then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

/** Neither a running local Neo4j to use nor a way to start one; the message is one line. */
export class LocalNeo4jUnreachableError extends Error {
  override name = 'LocalNeo4jUnreachableError';
  constructor(dataDir: string, found: LocalNeo4jDiscovery) {
    super(
      found.state === 'unresponsive' || found.state === 'running'
        ? `The local Neo4j on ${dataDir} (Java process ${found.entry.pid}, started by process ${found.entry.ownerPid}) holds its data but does not answer at ${found.entry.uri}: stop process ${found.entry.ownerPid} and run this again, or set NEO4J_URI to a Neo4j that answers.`
        : `Another process holds the local Neo4j data on ${dataDir} without saying where it answers: stop it (find it with \`pgrep -af ${dataDir}\`) and run this again, or set NEO4J_URI to a Neo4j that answers.`,
    );
  }
}

function reuse(uri: string): SharedLocalNeo4j {
  return { uri, reused: true, stop: async () => {} };
}

export async function reuseOrStartLocalNeo4j(options: LocalNeo4jOptions): Promise<SharedLocalNeo4j> {
  const dataDir = path.resolve(options.dataDir);
  const found = await discoverLocalNeo4j(dataDir);
  if (found.state === 'running') return reuse(found.entry.uri);
  try {
    const started = await startLocalNeo4j(options);
    return { uri: started.uri, reused: false, stop: () => started.stop() };
  } catch (error) {
    if (!(error instanceof LocalNeo4jLockedError)) throw error;
  }
  // A holder that hasn't announced itself may be a Neo4j still starting (`npm start` just run): give
  // it time. One that announced itself and stopped answering won't come back by waiting.
  const deadline = Date.now() + HOLDER_WAIT_MS;
  let latest = await discoverLocalNeo4j(dataDir);
  while ((latest.state === 'none' || latest.state === 'gone') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    latest = await discoverLocalNeo4j(dataDir);
  }
  if (latest.state === 'running') return reuse(latest.entry.uri);
  throw new LocalNeo4jUnreachableError(dataDir, latest);
}
