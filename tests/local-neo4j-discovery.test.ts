/**
 * How a script judges the discovery file a local Neo4j leaves in its data directory: only a live
 * Java process whose URI answers counts as running; a file left by a crash or a process that doesn't
 * answer must not send a script to a dead address. (The live case runs in import-beside-api.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boltFilePath, readBoltFile, writeBoltFile } from '../src/local-neo4j/bolt-file';
import { discoverLocalNeo4j } from '../src/local-neo4j/discovery';
import { findFreePort } from '../src/local-neo4j/free-port';

describe('local Neo4j discovery', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'discovery-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finds none where no local Neo4j announced itself, or the file is cut short', async () => {
    expect(await discoverLocalNeo4j(dataDir)).toEqual({ state: 'none' });
    writeFileSync(boltFilePath(dataDir), '{"uri":"bolt://127.0.0.1:7687","pi');
    expect(readBoltFile(dataDir)).toBeUndefined();
    expect(await discoverLocalNeo4j(dataDir)).toEqual({ state: 'none' });
  });

  it('reports a file whose Java process is gone, without trying its address', async () => {
    const exited = spawnSync(process.execPath, ['-e', '0']).pid!;
    const entry = { uri: 'bolt://127.0.0.1:1', pid: exited, ownerPid: exited };
    writeBoltFile(dataDir, entry);
    expect(await discoverLocalNeo4j(dataDir)).toEqual({ state: 'gone', entry });
  });

  it('reports a live process that does not answer at its address as unresponsive', async () => {
    const entry = {
      uri: `bolt://127.0.0.1:${await findFreePort()}`,
      pid: process.pid,
      ownerPid: process.pid,
    };
    writeBoltFile(dataDir, entry);
    const started = Date.now();
    expect(await discoverLocalNeo4j(dataDir, 3_000)).toEqual({ state: 'unresponsive', entry });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
