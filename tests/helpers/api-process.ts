/**
 * Runs `npm start`'s entry point as a real child process with its own local Neo4j on a fresh data
 * directory (NEO4J_URI unset, as a user runs it), and waits until it is ready: for tests of what
 * only a whole process shows (signals, a second process on the same data).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/local-neo4j/free-port';

export const ROOT = path.join(__dirname, '..', '..');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** Everything it wrote to stdout and stderr, for failure messages. */
  output: string[];
  /** Resolves when it exits, with its code and when. */
  exit: Promise<{ code: number | null; at: number }>;
}

export async function startApiProcess(prefix: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  // Exactly what `npm start` runs: node with tsx's loader, no wrapper process between a signal and the API.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: String(port),
      LOCAL_NEO4J_PORT: String(await findFreePort()),
      LOCAL_NEO4J_DATA_DIR: dataDir,
      LOCAL_NEO4J_HEAP_MB: '256',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const deadline = Date.now() + 150_000;
  while (
    (await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`API did not become ready:\n${output.join('').slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { child, url, dataDir, output, exit };
}

/** How many local Neo4j (Java) processes run on `dataDir`. */
export function localNeo4jProcesses(dataDir: string): number {
  const result = spawnSync('pgrep', ['-f', '--', `--data-dir ${dataDir}`], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean).length;
}
