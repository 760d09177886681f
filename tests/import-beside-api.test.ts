/**
 * `npm run import` while `npm start` runs: the import uses the local Neo4j the API already runs on
 * the same data directory (a second one could not open it: Neo4j locks its store), and when the
 * Neo4j holding the data doesn't answer, it fails with one line saying what to do. The API and the
 * imports run as real child processes with their own local Neo4j, as a user would run them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/local-neo4j/free-port';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/launcher';
import { localNeo4jProcesses, ROOT, startApiProcess } from './helpers/api-process';
const SEED_DOCUMENTS = readdirSync(path.join(ROOT, 'seed')).filter((file) => file.endsWith('.json')).length;

/** Runs `npm run import -- seed/`'s entry point on the local Neo4j of `dataDir`, as the user would. */
function runImport(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return findFreePort().then(
    (localPort) =>
      new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'src/ingest/import.cli.ts', '--', 'seed/'],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              NEO4J_URI: '',
              LOCAL_NEO4J_DATA_DIR: dataDir,
              // Not the API's port: were the import to start a Neo4j of its own, it would not get the data.
              LOCAL_NEO4J_PORT: String(localPort),
              LOCAL_NEO4J_HEAP_MB: '256',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      }),
  );
}

describe('import beside a running API', () => {
  let api: ChildProcess;
  let apiExit: Promise<number | null>;
  let dataDir: string;
  let url: string;

  beforeAll(async () => {
    // What `npm start` runs, with NEO4J_URI unset: the API starts its local Neo4j and loads the seed.
    const started = await startApiProcess('import-beside-api-', { SHUTDOWN_DELAY_MS: '0' });
    ({ child: api, url, dataDir } = started);
    apiExit = started.exit.then(({ code }) => code);
  }, 180_000);

  afterAll(async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await Promise.race([apiExit, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
    if (api.exitCode === null) api.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('imports into the Neo4j the API runs, finds the seed unchanged, and the API keeps serving', async () => {
    const imported = await runImport(dataDir);
    if (imported.code !== 0) process.stdout.write(`import stderr:\n${imported.stderr}\n`);
    expect(imported.code).toBe(0);
    // The API loaded the seed into its empty database; the same documents again change nothing.
    expect(imported.stdout).toContain(`0 created, 0 updated, ${SEED_DOCUMENTS} unchanged, 0 rejected`);
    expect(localNeo4jProcesses(dataDir)).toBe(1);

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nations(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as { data?: { nations: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.nations.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
  }, 120_000);

  it('leaves the Neo4j running for the API, which stops it on SIGTERM', async () => {
    api.kill('SIGTERM');
    expect(await apiExit).toBe(0);
    expect(localNeo4jProcesses(dataDir)).toBe(0);
  }, 30_000);
});

describe('import when the Neo4j holding the data does not answer', () => {
  let dataDir: string;
  let neo4j: LocalNeo4j;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'import-hung-neo4j-'));
    neo4j = await startLocalNeo4j({ dataDir, heapMb: 256, pageCacheMb: 32 });
    // Stopped, it keeps its store lock and its port but answers nothing: a hung process.
    process.kill(neo4j.pid, 'SIGSTOP');
  }, 180_000);

  afterAll(async () => {
    process.kill(neo4j.pid, 'SIGCONT');
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('exits 1 with one line naming the process to stop', async () => {
    const imported = await runImport(dataDir);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toBe('');
    const lines = imported.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`does not answer at ${neo4j.uri}`);
    expect(lines[0]).toContain(`stop process ${process.pid} and run this again`);
    // The import started nothing that outlives it: only the stopped Neo4j holds the data.
    expect(localNeo4jProcesses(dataDir)).toBe(1);
    process.stdout.write(`import beside a hung Neo4j: ${lines[0]}\n`);
  }, 120_000);
});
