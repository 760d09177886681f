/**
 * Builds the `neo4j-local/` Maven module (Neo4j's jars and our small launcher class) once and
 * caches it in neo4j-local/target: rebuilt only when its pom or Java sources change, and never by
 * two processes at once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../project-root';
import { checkJava, checkMaven } from './prerequisites';

export const MODULE_DIR = fromProjectRoot('neo4j-local');
export const TARGET_DIR = path.join(MODULE_DIR, 'target');
const STAMP_FILE = path.join(TARGET_DIR, '.build-stamp');
const LOCK_DIR = path.join(TARGET_DIR, '.build-lock');

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
