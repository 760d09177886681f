/**
 * Backup and restore (docs/backup.md) against the real Neo4j: export a curated graph, restore it
 * into an empty database, export again. The two exports must be the same bytes, and the restored
 * graph the same graph: node and relationship counts per label and type, every id, every evidence
 * excerpt, every link, retractions with who, when and why, merge records, assessments and aliases.
 * Run on the seed after curation through the API, and on a 300-document synthetic graph.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDocuments } from '../scripts/lib/synthetic-documents';
import { writeBackup, BACKUP_FILES } from '../src/export/backup';
import { restoreFromPath } from '../src/ingest/backup-restore';
import { loadDocument } from '../src/ingest/document.loader';
import { validateDocument } from '../src/ingest/document.validate';
import { Label } from '../src/graph/model';
import {
  countsOf,
  graphSnapshot,
  idsWith,
  nodesWith,
  propertyDifferences,
  type GraphSnapshot,
} from './helpers/graph-snapshot';
import { runScript } from './helpers/run-script';
import { resetGraph, startTestApi, testKeys, type TestApi } from './helpers/start-api';

const keys = testKeys();
let api: TestApi;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'diplomacy-backup-test-'));

const MULTI_SOURCE = path.join(__dirname, 'fixtures', 'multi-source');
const HEALEY = 'official:john-healey';
const CHIEF = 'official:test-roundtrip-uk-defence-chief';
const RETRACTED = 'position:trump-pledges-lasting-peace';
const COALITION = 'meeting:2025-04-10-coalition-of-the-willing-brussels';

// Synthetic fixture: a report that names John Healey only by office, for an editor to merge.
const CHIEF_TEXT =
  'Synthetic fixture. The British defence chief, a minister in London, spoke to reporters in Brussels on Saturday. ' +
  'The defence chief said support for Ukraine would continue through the winter.';
const chiefDocument = {
  format: 'diplomacy-graph/document@1',
  source: {
    id: 'source:2025-04-12-synthetic-roundtrip-defence-chief',
    title: 'Defence chief speaks in Brussels',
    publisher: 'Synthetic Roundtrip Wire',
    publishedAt: '2025-04-12',
    text: CHIEF_TEXT,
  },
  officials: [
    {
      id: CHIEF,
      name: 'British defence chief',
      nation: 'nation:gbr',
      evidence: [{ excerpt: 'The British defence chief, a minister in London' }],
    },
  ],
  statements: [
    {
      id: 'statement:test-roundtrip-chief-support-continues',
      kind: 'PARAPHRASE',
      text: 'Support for Ukraine would continue through the winter.',
      speaker: CHIEF,
      date: '2025-04-12',
      evidence: [
        { excerpt: 'The defence chief said support for Ukraine would continue through the winter.' },
      ],
    },
  ],
};

async function mutate<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  key: string,
) {
  const response = await api.query<T>(query, variables, { authorization: `Bearer ${key}` });
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** Exports into a fresh directory; answers the directory. */
async function backup(name: string): Promise<string> {
  const directory = path.join(workDir, name);
  const manifest = await writeBackup(api.api.db, directory);
  expect(manifest.notExported).toBe(0);
  return directory;
}

const read = (directory: string, file: string) => readFileSync(path.join(directory, file));

/** Runs a command-line script as `npm run` does, against the test Neo4j. */
const run = (script: string, args: string[]) =>
  runScript(script, args, { NEO4J_URI: process.env.NEO4J_URI! });

/** Everything a user would notice, compared between the graph backed up and the one restored. */
function expectSameGraph(restored: GraphSnapshot, original: GraphSnapshot): void {
  expect(countsOf(restored)).toEqual(countsOf(original));
  for (const label of Object.values(Label))
    expect(idsWith(restored, label)).toEqual(idsWith(original, label));
  // Every evidence excerpt, where it is in which source; then every link, with its properties.
  expect(nodesWith(restored, Label.Evidence)).toEqual(nodesWith(original, Label.Evidence));
  expect(restored.relationships).toEqual(original.relationships);
  // Audit records whole: who, when, why, snapshots, grades, scores; and each source's claims.
  for (const label of [
    Label.Retraction,
    Label.MergeRecord,
    Label.Assessment,
    Label.IdAlias,
    Label.Publisher,
    Label.Claim,
  ])
    expect(nodesWith(restored, label)).toEqual(nodesWith(original, label));
  expect(propertyDifferences(original, restored, DERIVED_PROPERTIES)).toEqual([]);
  const publishers = (snapshot: GraphSnapshot) =>
    [...snapshot.nodes]
      .map(([key, node]) => `${key}: ${[...((node.props.publishers as string[]) ?? [])].sort().join(', ')}`)
      .sort();
  expect(publishers(restored)).toEqual(publishers(original));
}

/**
 * A node's `publishers` is a set kept as a list in the order reports came in; a restore brings
 * them in source id order (docs/backup.md). Compared as sets below.
 */
const DERIVED_PROPERTIES = ['publishers'];

beforeAll(async () => {
  api = await startTestApi({ env: { API_KEYS: keys.env } });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('backup and restore of the seed after curation through the API', () => {
  let original: GraphSnapshot;
  let first: string;

  beforeAll(async () => {
    const reports = readdirSync(MULTI_SOURCE).filter((name) => /^\d{4}-\d{2}-\d{2}-.*\.json$/.test(name));
    for (const name of reports.sort()) {
      const document = JSON.parse(readFileSync(path.join(MULTI_SOURCE, name), 'utf8'));
      await mutate(
        'mutation ($d: JSONObject!) { importDocument(document: $d) { status } }',
        { d: document },
        keys.editor,
      );
    }
    await mutate(
      'mutation ($d: JSONObject!) { importDocument(document: $d) { status } }',
      { d: chiefDocument },
      keys.editor,
    );
    await mutate(
      'mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge, reason: "Synthetic fixture: the defence chief is John Healey.") { id } }',
      { keep: HEALEY, merge: CHIEF },
      keys.admin,
    );
    await mutate(
      'mutation ($id: String!) { retract(id: $id, reason: "Synthetic fixture: retracted for the round-trip test.") { id } }',
      { id: RETRACTED },
      keys.admin,
    );
    await mutate(
      'mutation { gradePublisher(publisher: "Qatar Tribune", grade: B, evidence: "Synthetic fixture: usually reliable.") { id } }',
      {},
      keys.editor,
    );
    await mutate(
      'mutation ($fact: ID!) { assessCredibility(fact: $fact, credibility: 2, evidence: "Synthetic fixture: confirmed by two reports.") { id } }',
      { fact: COALITION },
      keys.editor,
    );
    original = await graphSnapshot(api.api.db);
    first = await backup('seed-first');
  }, 240_000);

  it('holds the curation: the retraction, the merge, the grade and the rating are in the graph backed up', () => {
    expect(nodesWith(original, Label.Retraction)).toHaveLength(1);
    expect(nodesWith(original, Label.MergeRecord)).toHaveLength(1);
    expect(nodesWith(original, Label.Assessment)).toHaveLength(2);
    expect(idsWith(original, Label.Official)).not.toContain(CHIEF);
    expect(original.relationships.some((link) => link.includes('movedByMerge'))).toBe(true);
  });

  it('serves the same documents.jsonl over HTTP, streamed', async () => {
    const response = await fetch(`${api.url}/export/documents.jsonl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(read(first, BACKUP_FILES.documents));
  });

  it('restores into an empty database the same graph, and exports it again byte for byte', async () => {
    await resetGraph(api.api);
    const restored = await restoreFromPath(api.api.db, first);
    expect(restored.failed).toBe(0);
    expect(restored.countDifferences).toEqual([]);
    expectSameGraph(await graphSnapshot(api.api.db), original);

    const second = await backup('seed-second');
    expect(read(second, BACKUP_FILES.documents).equals(read(first, BACKUP_FILES.documents))).toBe(true);
    expect(read(second, BACKUP_FILES.curation).equals(read(first, BACKUP_FILES.curation))).toBe(true);
  }, 180_000);

  it('answers the audit trail as before: who retracted what, when and why', async () => {
    const response = await api.query<{ retractions: { nodes: Record<string, string>[] } }>(
      '{ retractions { nodes { id factId reason retractedAt retractedBy } } }',
    );
    const [retraction] = nodesWith(original, Label.Retraction);
    expect(response.data?.retractions.nodes).toEqual([
      {
        id: retraction[1].props.id,
        factId: RETRACTED,
        reason: 'Synthetic fixture: retracted for the round-trip test.',
        retractedAt: retraction[1].props.recordedAt,
        retractedBy: 'test-admin',
      },
    ]);
  });

  it('asks for a key at GET /export/documents.jsonl when reads need one, as GraphQL does', async () => {
    const guarded = await startTestApi({
      seed: false,
      env: { API_KEYS: keys.env, REQUIRE_KEY_FOR_READS: 'true' },
    });
    try {
      const refused = await fetch(`${guarded.url}/export/documents.jsonl`);
      expect(refused.status).toBe(401);
      expect(
        ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('UNAUTHENTICATED');
      const served = await fetch(`${guarded.url}/export/documents.jsonl`, {
        headers: { authorization: `Bearer ${keys.reader}` },
      });
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(read(first, BACKUP_FILES.documents));
    } finally {
      await guarded.stop();
    }
  }, 120_000);

  it('does the same from the command line: npm run export and npm run import', async () => {
    const bad = await run('src/export/export.cli.ts', ['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('unknown format "xml": use one of jsonl, csv, graphml, gexf\n');

    const exported = await run('src/export/export.cli.ts', ['--format', 'jsonl']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(read(first, BACKUP_FILES.documents).toString('utf8'));

    const restored = await run('src/ingest/import.cli.ts', [first]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/curation records replayed: .*1 retraction/);
    expect(restored.stdout).toMatch(/0 created, \d+ updated, 0 unchanged, 0 rejected/);
    // Not into an empty database: no counts to check against the manifest.
    expect(restored.stdout).not.toContain("the backup's counts");
  }, 180_000);

  it('restores again into the restored graph without changing it', async () => {
    const before = await graphSnapshot(api.api.db);
    const again = await restoreFromPath(api.api.db, first);
    // Each document is written again (its hash is the original's) and changes nothing.
    expect({ created: again.created, failed: again.failed }).toEqual({ created: 0, failed: 0 });
    expectSameGraph(await graphSnapshot(api.api.db), before);
  }, 180_000);
});

describe('backup and restore of a 300-document synthetic graph', () => {
  it('restores the same graph and exports it again byte for byte', async () => {
    await resetGraph(api.api);
    for (const [index, document] of generateDocuments({ documents: 300 }).entries()) {
      const validated = validateDocument(document, `synthetic-${index}.json`);
      if (!validated.ok) throw new Error(`synthetic document ${index} is invalid`);
      await loadDocument(
        api.api.db,
        validated.document,
        `synthetic-${index}.json`,
        validated.unresolvedReferences,
      );
    }
    const original = await graphSnapshot(api.api.db);
    const first = await backup('synthetic-first');

    await resetGraph(api.api);
    const started = Date.now();
    const restored = await restoreFromPath(api.api.db, first);
    process.stdout.write(`restored 301 synthetic documents in ${Date.now() - started} ms\n`);
    expect(restored.failed).toBe(0);
    expect(restored.countDifferences).toEqual([]);
    expectSameGraph(await graphSnapshot(api.api.db), original);

    const second = await backup('synthetic-second');
    expect(read(second, BACKUP_FILES.documents).equals(read(first, BACKUP_FILES.documents))).toBe(true);
    expect(read(second, BACKUP_FILES.curation).equals(read(first, BACKUP_FILES.curation))).toBe(true);
  }, 420_000);
});
