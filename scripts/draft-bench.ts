/**
 * `npm run bench:draft [-- --articles 1000 --api-drafts 1000 --skip-api]`: figures for issue #14's
 * drafting targets, printed, not asserted:
 *   (a) one ~1,000-word article drafted in-process: 50 warm-up runs, then 200 timed; p50/p90/p99 ms
 *       (target: p50 <= 200 ms);
 *   (b) a folder of 1,000 varied articles drafted through `npm run draft -- <folder> --out <dir>`,
 *       offline and then against the seeded local Neo4j the API of (c) runs on; total seconds
 *       (target: <= 120 s);
 *   (c) the API's heap across 1,000 `draftDocument` queries over HTTP: the API runs as a child
 *       process (`node --expose-gc`), read after a full GC before and after through an IPC probe
 *       preloaded into it (scripts/lib/heap-probe.ts), with RSS from /proc as well.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { draftArticle } from '../src/extract/draft-article';
import type { ArticleInput } from '../src/extract/draft.types';
import { fromProjectRoot } from '../src/project-root';
import { readHeap, startApiChild, stopApiChild } from './lib/api-child';
import { longArticle, variedArticles } from './lib/bench-articles';
import { loadFixtureCases, loadSeedCase } from './lib/draft-corpus';
import { percentile } from './lib/mixed-load';

const { values } = parseArgs({
  options: {
    warmup: { type: 'string', default: '50' },
    runs: { type: 'string', default: '200' },
    articles: { type: 'string', default: '1000' },
    'api-drafts': { type: 'string', default: '1000' },
    'skip-api': { type: 'boolean', default: false },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (value: number) => value.toFixed(2);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const cases = [loadSeedCase(), ...loadFixtureCases()];

/** (a) */
function latencyOfOneArticle(): void {
  const article = longArticle(cases, 1000);
  for (let run = 0; run < Number(values.warmup); run++) draftArticle(article, []);
  const times: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const started = performance.now();
    draftArticle(article, []);
    times.push(performance.now() - started);
  }
  say(
    `(a) one article of ${article.words} words (paragraphs of the seed and fixtures joined), in-process, ` +
      `${values.warmup} warm-up + ${values.runs} timed runs: p50 ${ms(percentile(times, 50))} ms, ` +
      `p90 ${ms(percentile(times, 90))} ms, p99 ${ms(percentile(times, 99))} ms (target: p50 <= 200 ms)`,
  );
}

/** (b): the CLI on a folder, offline (no graph) or against the graph at `neo4jUri`. */
function folderOfArticles(neo4jUri?: string): void {
  const count = Number(values.articles);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-bench-in-'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'draft-bench-out-'));
  try {
    const articles = variedArticles(cases.slice(1), count);
    articles.forEach((article, index) =>
      writeFileSync(path.join(folder, `${String(index).padStart(5, '0')}.json`), JSON.stringify(article)),
    );
    const started = performance.now();
    const args = ['run', '--silent', 'draft', '--', folder, '--out', out, ...(neo4jUri ? [] : ['--offline'])];
    // The review it prints runs to megabytes: discard it (spawnSync would kill the CLI at maxBuffer).
    const result = spawnSync('npm', args, {
      cwd: fromProjectRoot(),
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...(neo4jUri ? { NEO4J_URI: neo4jUri } : {}) },
    });
    if (result.status !== 0) throw new Error(`npm run draft failed:\n${(result.stderr ?? '').slice(-2000)}`);
    const seconds = (performance.now() - started) / 1000;
    say(
      `(b) ${count} articles (the fixtures, dates shifted, officials renamed) through \`npm run draft -- <folder> ` +
        `${neo4jUri ? '' : '--offline '}--out <dir>\`${neo4jUri ? ', one graph lookup per article against the seeded local Neo4j' : ', no graph'}: ` +
        `${readdirSync(out).length} drafts in ${seconds.toFixed(1)} s (target: <= 120 s)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    rmSync(out, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** VmRSS of a process from /proc (Linux), in bytes; undefined elsewhere. */
function residentBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const DRAFT_QUERY = 'query Draft($a: ArticleInput!) { draftDocument(article: $a) { facts { id } } }';

async function draftOverHttp(url: string, article: ArticleInput): Promise<string | undefined> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: DRAFT_QUERY,
      variables: {
        a: {
          text: article.text,
          title: article.title,
          publisher: article.publisher,
          publishedAt: article.publishedAt,
          url: article.url ?? null,
        },
      },
    }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  return body.errors?.length ? `HTTP ${response.status}: ${body.errors[0].message}` : undefined;
}

/** (c) */
async function heapAcrossApiDrafts(child: ChildProcess, url: string): Promise<void> {
  const count = Number(values['api-drafts']);
  const articles = variedArticles(cases.slice(1), Math.min(count, 200), 7);
  {
    const refused = await draftOverHttp(url, articles[0]);
    if (refused) {
      const idle = await readHeap(child);
      say(
        `(c) skipped: the API answers \`draftDocument\` with "${refused}". ` +
          `Idle API after a full GC: heap used ${mb(idle.heapUsed)}, RSS ${mb(residentBytes(child.pid!) ?? idle.rss)}.`,
      );
      return;
    }
    for (let index = 1; index < 50; index++) await draftOverHttp(url, articles[index % articles.length]);
    const before = await readHeap(child);
    const rssBefore = residentBytes(child.pid!) ?? before.rss;
    const started = performance.now();
    let errors = 0;
    for (let index = 0; index < count; index++) {
      if (await draftOverHttp(url, articles[index % articles.length])) errors += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await readHeap(child);
    const rssAfter = residentBytes(child.pid!) ?? after.rss;
    say(
      `(c) ${count} draftDocument queries over HTTP, one at a time, in ${seconds.toFixed(1)} s (${errors} errors); ` +
        `API heap used after a full GC${before.collected ? '' : ' (gc unavailable: no full GC)'}: ` +
        `${mb(before.heapUsed)} -> ${mb(after.heapUsed)} (${after.heapUsed >= before.heapUsed ? '+' : ''}${mb(after.heapUsed - before.heapUsed)}); ` +
        `RSS ${mb(rssBefore)} -> ${mb(rssAfter)}`,
    );
  }
}

async function main(): Promise<void> {
  say('# Drafting benchmark (figures, not assertions)');
  latencyOfOneArticle();
  folderOfArticles();
  if (values['skip-api']) {
    say('(b) against the graph and (c) skipped (--skip-api)');
    return;
  }
  // One API (and its seeded local Neo4j) serves both: the CLI drafts against that Neo4j, then the
  // API drafts over HTTP.
  const { child, url, dataDir, boltUri } = await startApiChild({ tag: 'draft-bench', heapMb: 256 });
  try {
    folderOfArticles(boltUri);
    await heapAcrossApiDrafts(child, url);
  } finally {
    await stopApiChild({ child, dataDir });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
