/**
 * Runs the embedded Neo4j of `neo4j-local/` in a JVM for machines without Docker: `npm start` uses
 * it when NEO4J_URI is unset, the test setup starts one per run, and scripts start one when none
 * runs on their data directory yet (reuse-or-start.ts). A started Neo4j announces itself in its data
 * directory (bolt-file.ts) until it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { removeBoltFile, writeBoltFile } from './bolt-file';
import { findFreePort } from './free-port';
import { ensureLocalNeo4jBuilt, TARGET_DIR } from './maven-build';
import { checkJava } from './prerequisites';

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-XX:+UseSerialGC',
  '-Dfile.encoding=UTF-8',
];

/** What Neo4j prints when another process holds its store lock on the data directory. */
const STORE_LOCKED = /FileLockException|Lock file has been locked by another process/;

/** Another process holds the data directory's store lock; the message is one line. */
export class LocalNeo4jLockedError extends Error {
  override name = 'LocalNeo4jLockedError';
  constructor(readonly dataDir: string) {
    super(
      `Another process is using the local Neo4j data in ${dataDir} (its store lock is held): stop that process or use another data directory.`,
    );
  }
}

export interface LocalNeo4jOptions {
  /** 0 or undefined: pick a free port. */
  port?: number;
  dataDir: string;
  heapMb?: number;
  pageCacheMb?: number;
  /** Load APOC core (only the benchmark's Neo4j GraphQL Library server needs it). */
  apoc?: boolean;
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /** SIGTERM, wait for a clean exit (SIGKILL after 30 s). Safe to call twice. */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  checkJava();
  await ensureLocalNeo4jBuilt();
  const port = options.port || (await findFreePort());
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = [path.join(TARGET_DIR, 'classes'), path.join(TARGET_DIR, 'lib', '*')];
  const args = [
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--pagecache-mb',
    String(options.pageCacheMb ?? 64),
  ];
  if (options.apoc) {
    classpath.push(path.join(TARGET_DIR, 'apoc', '*'));
    args.push('--apoc-dir', path.join(TARGET_DIR, 'apoc'));
  }
  const child = spawn(
    'java',
    [
      ...JVM_FLAGS,
      `-Xmx${options.heapMb ?? 512}m`,
      '-cp',
      classpath.join(path.delimiter),
      'org.diplomacygraph.local.LocalNeo4j',
      ...args,
    ],
    // stdin stays a pipe we never close: the JVM exits when it reaches EOF, i.e. when we are gone.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stderrTail: string[] = [];
  let storeLocked = false;
  const log = options.onLog ?? (() => {});

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `Local Neo4j did not start within ${options.startTimeoutMs ?? 120_000} ms on port ${port}.`,
        ),
      );
    }, options.startTimeoutMs ?? 120_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        log(line);
        if (line.startsWith('READY ')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        if (STORE_LOCKED.test(line)) storeLocked = true;
        stderrTail.push(line);
        if (stderrTail.length > 20) stderrTail.shift();
        log(line);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start java: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const explain = () => {
        if (storeLocked) return reject(new LocalNeo4jLockedError(dataDir));
        const reason = stderrTail
          .filter((line) => !/^\s+at /.test(line))
          .slice(-3)
          .join(' | ');
        reject(
          new Error(`Local Neo4j exited with code ${code} before it was ready${reason ? `: ${reason}` : ''}`),
        );
      };
      // 'exit' can come before the last of stderr, which holds the reason.
      if (child.stderr!.readableEnded) return explain();
      child.stderr!.once('end', explain);
      setTimeout(explain, 1_000).unref();
    });
  });
  // Once ready, further output is only logged; don't let the streams keep the event loop alive.
  child.stdout!.removeAllListeners('data').on('data', () => {});
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  child.unref();

  const uri = `bolt://127.0.0.1:${port}`;
  const pid = child.pid!;
  try {
    writeBoltFile(dataDir, { uri, pid, ownerPid: process.pid });
  } catch (error) {
    // Only scripts looking for it lose out: they start their own Neo4j, or say the data is in use.
    log(`could not write the discovery file in ${dataDir}: ${(error as Error).message}`);
  }
  // A JVM that dies on its own (crash, kill) leaves no live Neo4j behind its announcement.
  child.once('exit', () => removeBoltFile(dataDir, pid));

  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    pid,
    dataDir,
    stop() {
      stopping ??= (async () => {
        // Withdrawn first, so no script starts using a Neo4j that is shutting down.
        removeBoltFile(dataDir, pid);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 30_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      })();
      return stopping;
    },
  };
}
