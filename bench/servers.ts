/**
 * The systems under test: one local Neo4j holding the synthetic graph (imported through the normal
 * loader, resumed when a kept data directory already holds part of it), and three servers over it,
 * each its own process so its CPU and memory can be read from /proc. All in production mode.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createKey } from '../src/auth/api-keys';
import { applyGraphSchema } from '../src/graph/schema';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { findFreePort } from '../src/local-neo4j/free-port';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/launcher';
import { scriptDatabase } from '../scripts/lib/script-db';
import { generateDocuments } from '../scripts/lib/synthetic-documents';

const ROOT = path.join(__dirname, '..');
export const SCALES = { small: 400, large: 40_000 } as const; // event documents; about 25 nodes each

export interface Graph {
  neo4j: LocalNeo4j;
  nodes: number;
  relationships: number;
}

/** Starts Neo4j on `dataDir` and imports whatever of the scale's documents it lacks. */
export async function startGraph(scale: keyof typeof SCALES, dataDir: string): Promise<Graph> {
  const neo4j = await startLocalNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024 });
  const db = scriptDatabase(neo4j.uri);
  try {
    await applyGraphSchema(db);
    const documents = generateDocuments({ documents: SCALES[scale] });
    // Loads are idempotent: an interrupted run's last document is simply loaded again.
    const [{ sources }] = await db.read({
      cypher: 'MATCH (s:Source) RETURN count(s) AS sources',
      params: {},
    });
    for (let index = Math.max(0, (sources as number) - 1); index < documents.length; index += 1) {
      const validated = validateDocument(documents[index], `synthetic-${index}`);
      if (!validated.ok) throw new Error(validated.errors[0].message);
      await loadDocument(db, validated.document, `synthetic-${index}`, validated.unresolvedReferences);
      if (index % 1000 === 999) process.stdout.write(`imported ${index + 1}/${documents.length} documents\n`);
    }
    const [counts] = await db.read({
      cypher:
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      params: {},
    });
    return { neo4j, nodes: counts.nodes as number, relationships: counts.rels as number };
  } finally {
    await db.close();
  }
}

/** Starts a server script; resolves once it prints READY (or at once when `ready` is false: the caller polls). */
function startChild(args: string[], env: Record<string, string>, ready = true): Promise<ChildProcess> {
  // Never the tsx CLI: it is a wrapper process, and we measure the server's own CPU and RSS.
  const loader = args[0].endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!ready) return Promise.resolve(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

export async function waitReady(url: string) {
  for (let i = 0; i < 600; i += 1) {
    const status = await fetch(`${url}/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

export type Server = 'ours' | 'library' | 'raw';

export interface Servers {
  urls: Record<Server, string>;
  pids: Record<Server | 'neo4j', number>;
  /** An editor key of ours, for the writes of the mixed load. */
  editorKey: string;
  stop: () => void;
}

/** Compiles our API as it is deployed (the Dockerfile runs the tsc build). */
export function buildOurs(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Our API on `port`, in production mode, with an editor key and no limits that one load generator would hit. */
export function startOurs(neo4j: LocalNeo4j, port: number, apiKeys: string): Promise<ChildProcess> {
  return startChild(
    ['dist/src/main.js'],
    {
      NEO4J_URI: neo4j.uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      API_KEYS: apiKeys,
      RATE_LIMIT_PER_MINUTE: '100000000',
      SEED_ON_EMPTY: 'false',
      MAX_COST: '1000000',
      // The load generator is one client; the library and raw servers have no per-client share.
      CLIENT_CONCURRENT_QUERIES: '1000',
      CLIENT_QUEUED_QUERIES: '100000',
    },
    false,
  );
}

export async function startServers(neo4j: LocalNeo4j): Promise<Servers> {
  const ports = { ours: await findFreePort(), library: await findFreePort(), raw: await findFreePort() };
  const urls: Record<Server, string> = {
    ours: `http://127.0.0.1:${ports.ours}`,
    library: `http://127.0.0.1:${ports.library}`,
    raw: `http://127.0.0.1:${ports.raw}`,
  };
  // Our API as it is deployed, not through a TypeScript loader.
  buildOurs();
  // The library and raw servers compiled to plain JavaScript too (their packages left as they are
  // installed), so no server runs through a TypeScript loader.
  const outdir = path.join(ROOT, '.bench', 'build');
  buildSync({
    entryPoints: ['library-server.ts', 'raw-server.ts'].map((file) => path.join(__dirname, file)),
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const editor = createKey('bench-editor', 'editor');
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  try {
    const ours = await startOurs(neo4j, ports.ours, editor.entry);
    ours.stdout!.resume();
    children.push(ours);
    const library = await startChild([path.join(outdir, 'library-server.js')], {
      NEO4J_URI: neo4j.uri,
      PORT: String(ports.library),
    });
    children.push(library);
    const raw = await startChild([path.join(outdir, 'raw-server.js')], {
      NEO4J_URI: neo4j.uri,
      PORT: String(ports.raw),
    });
    children.push(raw);
    await waitReady(urls.ours);
    return {
      urls,
      pids: { ours: ours.pid!, library: library.pid!, raw: raw.pid!, neo4j: neo4j.pid },
      editorKey: editor.key,
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
