/**
 * An API in a child process for the scripts that measure its memory (draft-bench, soak of
 * subscriptions): its own local Neo4j in a temporary folder, `--expose-gc`, and heap-probe.ts
 * preloaded, so `readHeap` can ask it for a full GC and its memory over IPC.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFreePort } from '../../src/local-neo4j/free-port';
import { fromProjectRoot } from '../../src/project-root';

export interface HeapReading {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  /** False when the process could not be made to collect (no --expose-gc). */
  collected: boolean;
}

export interface ApiChild {
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** Everything the process printed, for the error when it dies. */
  output: string[];
  boltUri: string;
}

/** Starts the API (`tag` names its temporary data folder) and waits until /ready answers 200. */
export async function startApiChild(options: {
  tag: string;
  heapMb: number;
  env?: Record<string, string>;
}): Promise<ApiChild> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${options.tag}-neo4j-`));
  const port = await findFreePort();
  const boltPort = await findFreePort();
  const probe = pathToFileURL(fromProjectRoot('scripts', 'lib', 'heap-probe.ts')).href;
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', probe, 'src/main.ts'],
    {
      cwd: fromProjectRoot(),
      env: {
        ...process.env,
        NEO4J_URI: process.env.NEO4J_URI ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOCAL_NEO4J_PORT: String(boltPort),
        LOCAL_NEO4J_DATA_DIR: dataDir,
        LOCAL_NEO4J_HEAP_MB: String(options.heapMb),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '100000000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const boltUri = process.env.NEO4J_URI || `bolt://127.0.0.1:${boltPort}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    const status = await fetch(`${url}/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, url, dataDir, output, boltUri };
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`the API did not become ready:\n${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Stops the process (SIGTERM, waiting for its exit) and removes its data folder. */
export async function stopApiChild({ child, dataDir }: Pick<ApiChild, 'child' | 'dataDir'>): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** The child's memory after a full GC (heap-probe.ts answers the IPC message "heap"). */
export function readHeap(child: ChildProcess): Promise<HeapReading> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the API process did not answer the heap probe')),
      30_000,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as HeapReading);
    });
    child.send('heap');
  });
}
