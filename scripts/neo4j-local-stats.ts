/**
 * `npm run neo4j:stats`: how long the local Neo4j takes to become ready (cold: a new data
 * directory; warm: the same one again) and how much memory it holds, three runs each.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j } from '../src/local-neo4j/launcher';
import { ensureLocalNeo4jBuilt } from '../src/local-neo4j/maven-build';

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const buildStarted = Date.now();
  await ensureLocalNeo4jBuilt();
  process.stdout.write(`build check: ${Date.now() - buildStarted} ms\n`);
  const results: Record<'cold' | 'warm', { ms: number[]; rss: number[]; rssAfter: number[] }> = {
    cold: { ms: [], rss: [], rssAfter: [] },
    warm: { ms: [], rss: [], rssAfter: [] },
  };
  for (let run = 0; run < 3; run += 1) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stats-neo4j-'));
    for (const kind of ['cold', 'warm'] as const) {
      const started = Date.now();
      const local = await startLocalNeo4j({ dataDir });
      results[kind].ms.push(Date.now() - started);
      results[kind].rss.push(rssMb(local.pid));
      const driver = neo4j.driver(local.uri);
      const session = driver.session();
      await session.run('UNWIND range(1, 2000) AS i MERGE (n:Probe {i: i}) RETURN count(n)');
      await session.run('MATCH (n:Probe) RETURN count(n)');
      await session.close();
      await driver.close();
      results[kind].rssAfter.push(rssMb(local.pid));
      await local.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const kind of ['cold', 'warm'] as const) {
    const r = results[kind];
    process.stdout.write(
      `${kind}: ready in ${r.ms.join(', ')} ms (min ${Math.min(...r.ms)}, median ${median(r.ms)}); RSS at ready ${r.rss.map((x) => x.toFixed(0)).join(', ')} MB; after queries ${r.rssAfter.map((x) => x.toFixed(0)).join(', ')} MB\n`,
    );
  }
}

void main();
