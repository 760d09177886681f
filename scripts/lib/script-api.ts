/**
 * Starts the real API for a script: on NEO4J_URI when set, else on a local Neo4j in a temporary
 * directory, with the seed loaded and limits raised so the script measures the API, not the limiter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type RunningApi } from '../../src/api';
import { createKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import { findFreePort } from '../../src/local-neo4j/free-port';
import { createLogger } from '../../src/logger';

export async function startScriptApi(
  env: Record<string, string> = {},
): Promise<{ api: RunningApi; url: string; editorKey: string; stop(): Promise<void> }> {
  const dataDir = process.env.NEO4J_URI ? undefined : mkdtempSync(path.join(os.tmpdir(), 'script-neo4j-'));
  const editor = createKey('script-editor', 'editor');
  const config = {
    ...loadConfig({
      ...process.env,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      API_KEYS: editor.entry,
      LOCAL_NEO4J_PORT: String(await findFreePort()),
      ...(dataDir ? { LOCAL_NEO4J_DATA_DIR: dataDir } : {}),
      ...env,
    }),
    port: 0,
    host: '127.0.0.1',
  };
  const api = await startApi(config, createLogger('warn'));
  await api.readiness.waitUntilReady(180_000);
  return {
    api,
    url: api.url.replace('localhost', '127.0.0.1'),
    editorKey: editor.key,
    async stop() {
      await api.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
