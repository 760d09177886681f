/**
 * `npm run export` writes what `GET /export/…` serves: the same parameters, read by the route's own
 * parser, give the same bytes; a refused request writes no file and exits 2 with the route's message.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { runScript } from './helpers/run-script';
import { startTestApi, type TestApi } from './helpers/start-api';

let api: TestApi;
let workDir: string;

beforeAll(async () => {
  api = await startTestApi();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'export-cli-'));
}, 240_000);

afterAll(async () => {
  await api?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The export command as `npm run export -- …` runs it, against the test Neo4j. */
const exportCli = (args: string[]) =>
  runScript('src/export/export.cli.ts', args, { NEO4J_URI: process.env.NEO4J_URI! });

const fetchText = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};

describe('npm run export', () => {
  it('writes a filtered CSV byte for byte as GET /export/<type>.csv serves it', async () => {
    const out = path.join(workDir, 'britain-statements.csv');
    const result = await exportCli([
      '--format',
      'csv',
      '--type',
      'statements',
      '--actor',
      'nation:gbr',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const http = await fetchText(`${api.url}/export/statements.csv?actor=nation:gbr`);
    expect(readFileSync(out, 'utf8')).toBe(http);
    // Britain's statements include its officials' (Starmer's and Healey's): more than the header.
    expect(http.split('\r\n').filter((line) => line.length > 0).length).toBeGreaterThan(1);
  }, 120_000);

  it('writes an actor network as GraphML that a GraphML parser reads, as the route serves it', async () => {
    const out = path.join(workDir, 'network.graphml');
    const result = await exportCli(['--format', 'graphml', '--kind', 'CO_ATTENDANCE', '--out', out]);
    expect(result.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(await fetchText(`${api.url}/export/network.graphml?kind=CO_ATTENDANCE`));
    const graph = parseGraphml(Graph, text);
    expect(graph.order).toBeGreaterThan(1);
    expect(graph.hasNode('nation:gbr')).toBe(true);
    expect(result.stderr).toBe(`${graph.order} written to ${out}\n`);
  }, 120_000);

  it.each([
    [['--format', 'csv', '--type', 'statements', '--from', '2025-05-01', '--to', '2025-04-01'], 'after'],
    [['--format', 'csv', '--type', 'treaties'], 'There is no export at /export/treaties.csv'],
    [['--format', 'csv', '--type', 'statements', '--colour', 'red'], 'Unknown parameter `colour`'],
    [['--format', 'graphml', '--ego', 'nation:gbr', '--depth', '4'], '`depth`'],
    [['--format', 'csv'], '--format csv needs --type'],
  ])(
    'refuses %j with the route’s message, exit code 2 and no file',
    async (args, message) => {
      const out = path.join(workDir, 'refused.out');
      const result = await exportCli([...args, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.partial`)).toBe(false);
    },
    120_000,
  );

  it('refuses parameters for a format that takes none', async () => {
    const result = await exportCli(['--format', 'jsonl', '--actor', 'nation:gbr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('unknown argument "--actor": --format jsonl takes no parameters\n');
  }, 60_000);
});
