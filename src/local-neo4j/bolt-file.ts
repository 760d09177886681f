/**
 * The discovery file: a local Neo4j, once ready, leaves `bolt.json` in its data directory saying
 * where it answers and which processes run it, and removes it when it stops cleanly. Scripts read it
 * to use the Neo4j that `npm start` already runs instead of starting a second one on the same data,
 * which Neo4j's store lock refuses.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BoltFile {
  /** Where the local Neo4j answers, e.g. `bolt://127.0.0.1:7687`. */
  uri: string;
  /** The Java process that holds the store lock and serves Bolt. */
  pid: number;
  /** The Node process that started it (`npm start`, a test, a script): it stops the Neo4j when it stops. */
  ownerPid: number;
}

export function boltFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'bolt.json');
}

export function writeBoltFile(dataDir: string, entry: BoltFile): void {
  // Written whole to a temporary name and renamed, so a reader never sees half a file.
  const file = boltFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(entry)}\n`);
  renameSync(temporary, file);
}

/** The file's entry, or undefined when there is none or it isn't one (e.g. cut short by a crash). */
export function readBoltFile(dataDir: string): BoltFile | undefined {
  try {
    const entry = JSON.parse(readFileSync(boltFilePath(dataDir), 'utf8')) as Partial<BoltFile>;
    if (typeof entry.uri !== 'string' || !Number.isInteger(entry.pid) || !Number.isInteger(entry.ownerPid))
      return undefined;
    return entry as BoltFile;
  } catch {
    return undefined;
  }
}

/** Removes the file if it still describes the Neo4j of `pid` (a later one may have replaced it). */
export function removeBoltFile(dataDir: string, pid: number): void {
  if (readBoltFile(dataDir)?.pid === pid) rmSync(boltFilePath(dataDir), { force: true });
}
