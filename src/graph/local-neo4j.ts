/**
 * Builds (once, cached) and runs the embedded Neo4j of `neo4j-local/` for machines without Docker:
 * `npm start` uses it when NEO4J_URI is unset, and the test setup starts one per run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fromProjectRoot } from '../project-root';

export const MODULE_DIR = fromProjectRoot('neo4j-local');
const TARGET_DIR = path.join(MODULE_DIR, 'target');
const STAMP_FILE = path.join(TARGET_DIR, '.build-stamp');
const LOCK_DIR = path.join(TARGET_DIR, '.build-lock');

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-XX:+UseSerialGC',
  '-Dfile.encoding=UTF-8',
];

/** Java or Maven is missing or too old; the message is one line that says what to install. */
export class LocalNeo4jPrerequisiteError extends Error {
  override name = 'LocalNeo4jPrerequisiteError';
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

function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Java runs the local Neo4j, so every start needs it. */
export function checkJava(): void {
  const java = javaMajorVersion();
  if (java === undefined || java < 17) {
    throw new LocalNeo4jPrerequisiteError(
      `Java 17+ is required to run the local Neo4j${java ? ` (found Java ${java})` : ''}: install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing Neo4j.`,
    );
  }
}

/** Maven only builds the module: a start with an up-to-date cached build doesn't need it. */
export function checkMaven(): void {
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jPrerequisiteError(
      'Maven is required to build the local Neo4j (no up-to-date build in neo4j-local/target): install it (apt-get install maven) or set NEO4J_URI to an existing Neo4j.',
    );
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/** Hash of what the build depends on: a changed pom or Java source triggers a rebuild. */
function buildHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    path.join(MODULE_DIR, 'pom.xml'),
    ...sourceFiles(path.join(MODULE_DIR, 'src')).sort(),
  ]) {
    hash.update(path.relative(MODULE_DIR, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function isBuilt(hash: string): boolean {
  return (
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8') === hash &&
    existsSync(path.join(TARGET_DIR, 'lib'))
  );
}

async function withBuildLock<T>(work: () => T): Promise<T> {
  mkdirSync(TARGET_DIR, { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // Another process is building; a lock older than 10 minutes is from a build that died.
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > 10 * 60_000)
          rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        // the lock vanished meanwhile: try again
      }
      if (Date.now() > deadline)
        throw new Error('Timed out waiting for another build of neo4j-local to finish.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds neo4j-local with Maven unless the cached build matches the sources. */
export async function ensureLocalNeo4jBuilt(): Promise<void> {
  const hash = buildHash();
  if (isBuilt(hash)) return;
  checkJava();
  checkMaven();
  await withBuildLock(() => {
    if (isBuilt(hash)) return;
    const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], {
      cwd: MODULE_DIR,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`Building neo4j-local with Maven failed:\n${output}`);
    }
    writeFileSync(STAMP_FILE, hash);
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
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
      const reason = stderrTail
        .filter((line) => !/^\s+at /.test(line))
        .slice(-3)
        .join(' | ');
      reject(
        new Error(`Local Neo4j exited with code ${code} before it was ready${reason ? `: ${reason}` : ''}`),
      );
    });
  });
  // Once ready, further output is only logged; don't let the streams keep the event loop alive.
  child.stdout!.removeAllListeners('data').on('data', () => {});
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  child.unref();

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    stop() {
      stopping ??= (async () => {
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
