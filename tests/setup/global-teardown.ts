/** Stops the test run's local Neo4j and removes its data directory. */
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__TEST_NEO4J__;
  if (!started) return;
  await started.neo4j.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
  delete process.env.NEO4J_URI;
}
