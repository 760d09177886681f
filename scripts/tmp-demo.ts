import 'reflect-metadata';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi } from '../src/api';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { loadDocumentsFromPath } from '../src/ingest/import';
import { startLocalNeo4j } from '../src/local-neo4j/launcher';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'demo-neo4j-'));
  const local = await startLocalNeo4j({ dataDir, heapMb: 512, pageCacheMb: 256 });
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', NEO4J_URI: local.uri }), port: 0, host: '127.0.0.1' };
  const api = await startApi(config, createLogger('silent'));
  await api.readiness.waitUntilReady();
  await loadDocumentsFromPath(api.db, 'seed', undefined);
  const dir = 'tests/fixtures/multi-source';
  for (const f of readdirSync(dir).filter((n) => /^2025.*\.json$/.test(n)).sort()) {
    const s = await loadDocumentsFromPath(api.db, path.join(dir, f), undefined);
    console.log(f, s.outcomes.map((o) => `${o.status}, ${o.matches.length} matched`).join());
  }
  const q = async (query: string) => {
    const r = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return JSON.stringify(await r.json(), null, 1);
  };
  console.log(await q(`{ meetings { totalCount nodes { id status sourceCount publisherCount firstReported lastReported nationsRepresented claims { field value unit source { publisher } } } } }`));
  console.log(await q(`{ officials { totalCount nodes { id name sourceCount } } }`));
  console.log(await q(`{ positions(filter: { stance: [STRESSES], topic: "US involvement" }) { nodes { holder { name sourceCount } sourceCount publisherCount evidence { source { publisher } } } } }`));
  console.log(await q(`{ contradictions { totalCount nodes { kind field subject { id } sides { value sources { publisher publishedAt } } } } }`));
  console.log(await q(`{ stanceHistory(holder: "nation:usa", topic: "US security backstop") { stance from until sourceCount } }`));
  await api.stop(); await local.stop();
}
void main();
