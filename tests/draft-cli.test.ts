/**
 * `npm run draft` as a user runs it (a child process): drafts a .txt and a .json envelope against
 * the seeded graph or offline, writes documents `npm run import` takes as they are (a second import
 * finds them unchanged), writes nothing to the graph, and refuses a bad article with one
 * `<file>: <field>: <what to fix>` line and exit code 1, writing nothing at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateDocument } from '../src/ingest/document.validate';
import { runScript } from './helpers/run-script';
import { graphCounts, SEED_DIR, startTestApi, type TestApi } from './helpers/start-api';

const SEED_TEXT = readFileSync(
  path.join(SEED_DIR, '2025-04-11-qatar-tribune-coalition-of-the-willing.txt'),
  'utf8',
);
const SEED_TITLE = "Kiev's closest allies mull post-war mission amid US reluctance";
/** A Neo4j no one answers at: an offline draft must not need one. */
const NO_NEO4J = 'bolt://127.0.0.1:1';

const run = runScript;

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('npm run draft', () => {
  let api: TestApi;
  let dir: string;
  const neo4j = () => ({ NEO4J_URI: process.env.NEO4J_URI! });
  const draft = (args: string[], env: Record<string, string> = neo4j()) =>
    run('src/extract/draft.cli.ts', args, env);

  beforeAll(async () => {
    api = await startTestApi();
    dir = mkdtempSync(path.join(os.tmpdir(), 'draft-cli-'));
  });
  afterAll(() => api.stop());

  it('drafts a .txt against the graph, writes nothing to it, and the output imports as it is, then unchanged', async () => {
    const article = path.join(dir, 'article.txt');
    const out = path.join(dir, 'article-draft.json');
    writeFileSync(article, SEED_TEXT);
    const before = await graphCounts(api.api);

    const drafted = await draft([
      article,
      '--publisher',
      'Qatar Tribune',
      '--published',
      '2025-04-11',
      '--out',
      out,
    ]);
    expect(drafted.stderr).toBe('');
    expect(drafted.code).toBe(0);
    expect(await graphCounts(api.api)).toEqual(before);
    // The review: the source, its entities and facts, and where the document went.
    expect(drafted.stdout).toContain(`${article}: source:2025-04-11-qatar-tribune-`);
    expect(drafted.stdout).toMatch(/entities \(\d+\)/);
    expect(drafted.stdout).toMatch(/facts \(\d+\)/);
    expect(drafted.stdout).toContain(`wrote ${out}`);

    const document = json(out);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(document, null, 2)}\n`);
    // The title is the file's first line; the text is the file, verbatim.
    expect(document.source).toMatchObject({
      title: SEED_TITLE,
      publisher: 'Qatar Tribune',
      publishedAt: '2025-04-11',
      text: SEED_TEXT,
    });

    const imported = await run('src/ingest/import.cli.ts', [out], neo4j());
    expect(imported.stdout).toContain('1 created, 0 updated, 0 unchanged, 0 rejected');
    expect(imported.code).toBe(0);
    const again = await run('src/ingest/import.cli.ts', [out], neo4j());
    expect(again.stdout).toContain('0 created, 0 updated, 1 unchanged, 0 rejected');
  });

  it('drafts a .json envelope offline, the flags overriding it', async () => {
    const article = path.join(dir, 'envelope.json');
    const out = path.join(dir, 'envelope-draft.json');
    writeFileSync(
      article,
      JSON.stringify({
        text: SEED_TEXT,
        title: 'An envelope title',
        publisher: 'Someone else',
        publishedAt: '2025-04-11',
        url: 'https://example.org/report',
      }),
    );
    const drafted = await draft([article, '--publisher', 'Qatar Tribune', '--offline', '--out', out], {
      NEO4J_URI: NO_NEO4J,
    });
    expect(drafted.stderr).toBe('');
    expect(drafted.code).toBe(0);
    const document = json(out);
    expect(document.source).toMatchObject({
      title: 'An envelope title',
      publisher: 'Qatar Tribune',
      url: 'https://example.org/report',
      text: SEED_TEXT,
    });
    // Offline, nothing is known: every entity the draft names is one it defines.
    expect(drafted.stdout).not.toMatch(/^\s+(EXISTING|AMBIGUOUS)\b/m);
    const validated = validateDocument(document, out);
    expect(validated.ok ? [] : validated.errors).toEqual([]);
  });

  it('drafts every article of a folder into <name>.draft.json, in name order', async () => {
    const folder = path.join(dir, 'articles');
    const out = path.join(dir, 'drafts');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'b.txt'), SEED_TEXT);
    writeFileSync(
      path.join(folder, 'a.json'),
      JSON.stringify({ text: SEED_TEXT, title: 'A', publishedAt: '2025-04-11' }),
    );
    writeFileSync(path.join(folder, 'notes.md'), 'not an article');
    const drafted = await draft(
      [folder, '--publisher', 'Qatar Tribune', '--published', '2025-04-11', '--offline', '--out', out],
      {
        NEO4J_URI: NO_NEO4J,
      },
    );
    expect(drafted.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.draft.json', 'b.draft.json']);
    expect(drafted.stdout.indexOf('a.json')).toBeLessThan(drafted.stdout.indexOf('b.txt'));
    expect(json(path.join(out, 'a.draft.json')).source.title).toBe('A');
  });

  it('refuses a folder whose a.txt and a.json would both be drafted to a.draft.json, writing nothing', async () => {
    const folder = path.join(dir, 'twins');
    const out = path.join(dir, 'twins-drafts');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.txt'), SEED_TEXT);
    writeFileSync(
      path.join(folder, 'a.json'),
      JSON.stringify({ text: SEED_TEXT, title: 'A', publishedAt: '2025-04-11' }),
    );
    const drafted = await draft(
      [folder, '--publisher', 'P', '--published', '2025-04-11', '--offline', '--out', out],
      {
        NEO4J_URI: NO_NEO4J,
      },
    );
    // A usage error, like a missing file: exit 2.
    expect(drafted.code).toBe(2);
    expect(drafted.stderr).toMatch(
      /a\.txt: would be drafted to .*a\.draft\.json, as .*a\.json is; rename one of them/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not UTF-8, naming the file and the field, and writes nothing', async () => {
    const article = path.join(dir, 'latin1.txt');
    const out = path.join(dir, 'latin1-draft.json');
    // "Café" in Windows-1252: the é is byte 0xE9, which is not UTF-8.
    writeFileSync(
      article,
      Buffer.concat([Buffer.from('Ministers met at the Caf'), Buffer.from([0xe9]), Buffer.from(' today.')]),
    );
    const drafted = await draft(
      [article, '--publisher', 'P', '--published', '2025-04-11', '--offline', '--out', out],
      {
        NEO4J_URI: NO_NEO4J,
      },
    );
    expect(drafted.code).toBe(1);
    expect(drafted.stderr).toMatch(
      new RegExp(`^${article}: article.text: is not valid UTF-8.*save it as UTF-8`, 'm'),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a bad --published with the field named, and writes nothing for any article of the folder', async () => {
    const folder = path.join(dir, 'bad-date');
    const out = path.join(dir, 'bad-date-drafts');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'one.txt'), SEED_TEXT);
    writeFileSync(path.join(folder, 'two.txt'), SEED_TEXT);
    const drafted = await draft([folder, '--publisher', 'P', '--published', '2025-13-01', '--out', out]);
    expect(drafted.code).toBe(1);
    const lines = drafted.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${path.join(folder, 'one.txt')}: article.publishedAt: .*YYYY-MM-DD.*--published`),
      ),
      expect.stringMatching(new RegExp(`^${path.join(folder, 'two.txt')}: article.publishedAt: `)),
      'nothing written',
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
