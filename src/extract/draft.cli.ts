/**
 * `npm run draft -- <file or folder> [--title ...] [--publisher ...] [--published YYYY-MM-DD]
 * [--url ...] [--out file-or-folder] [--offline]`: drafts articles into the import format and
 * prints a review (each fact with its excerpt and confidence, each entity with its match). Without
 * `--out` nothing is written. Matches against the graph `npm run import` uses (NEO4J_URI, else the
 * local Neo4j already running, else one started for the draft), one lookup per article; `--offline`
 * skips the graph, so every entity is NEW. Exit code 1, with nothing written, when any article is
 * refused: one `<file>: <field>: <what to fix>` line per problem.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { GraphReader } from '../graph/graph-reader';
import { isGraphSchemaApplied } from '../graph/schema';
import { openCliDatabase } from '../local-neo4j/cli-database';
import { createLogger } from '../logger';
import { articleProblems, type ArticleProblem } from './article.validate';
import { draftDocument, NO_GRAPH, type EntityLookup } from './draft.service';
import { formatReview } from './draft-printout';

const USAGE = `usage: npm run draft -- <article.txt | article.json | folder> [options]
  --title "..."           the headline (a .txt file: its first non-empty line when omitted)
  --publisher "..."       who published it
  --published YYYY-MM-DD  the publication date
  --url https://...       its address (optional)
  --out <file or folder>  where to write the draft (a folder: <name>.draft.json per article);
                          without it, only the review is printed
  --offline               don't look names up in the graph (every entity is NEW)
`;

/** Fields of a .json envelope: an article with its metadata. */
const ENVELOPE_FIELDS = ['text', 'title', 'publisher', 'publishedAt', 'url'] as const;
/** The flag that sets each field, named in its problems. */
const FLAG: Record<string, string> = {
  'article.title': '--title',
  'article.publisher': '--publisher',
  'article.publishedAt': '--published',
  'article.url': '--url',
};
/** Drafts the CLI wrote earlier, which a folder of articles may hold: never read as articles. */
const DRAFT_SUFFIX = '.draft.json';

interface Flags {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
}

interface ArticleFile {
  file: string;
  article: Record<string, unknown>;
  problems: ArticleProblem[];
}

class UsageError extends Error {}

/** The articles of a folder (.txt and .json, in name order), or the file itself. */
function articleFiles(target: string): string[] {
  if (!existsSync(target)) throw new UsageError(`${target}: no such file or folder`);
  if (!statSync(target).isDirectory()) return [target];
  const files = readdirSync(target)
    .filter((name) => /\.(txt|json)$/.test(name) && !name.endsWith(DRAFT_SUFFIX))
    .sort()
    .map((name) => path.join(target, name));
  if (files.length === 0) throw new UsageError(`${target}: holds no .txt or .json article`);
  return files;
}

const firstLine = (text: string) =>
  text
    .split(/\r?\n|\r/)
    .find((line) => line.trim() !== '')
    ?.trim();

/** Reads one article: strict UTF-8, a .json envelope or plain text, with the flags filling in or overriding. */
function readArticle(file: string, flags: Flags): ArticleFile {
  const refused = (field: string, message: string): ArticleFile => ({
    file,
    article: {},
    problems: [{ field, message }],
  });
  const envelope = file.endsWith('.json');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return refused('(file)', `cannot be read: ${(error as Error).message}`);
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused(
      envelope ? '(file)' : 'article.text',
      'is not valid UTF-8 (a binary file, or text saved in another encoding such as Windows-1252): save it as UTF-8 and run this again',
    );
  }
  let fields: Record<string, unknown> = { text: content };
  if (envelope) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return refused('(json)', `is not valid JSON: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return refused('(json)', `must be an object: { "text", "title", "publisher", "publishedAt", "url" }`);
    }
    const unknown = Object.keys(parsed).filter(
      (key) => !(ENVELOPE_FIELDS as readonly string[]).includes(key),
    );
    if (unknown.length > 0) {
      return {
        file,
        article: {},
        problems: unknown.map((key) => ({
          field: key,
          message: `is not a field of an article: use ${ENVELOPE_FIELDS.join(', ')}`,
        })),
      };
    }
    fields = parsed as Record<string, unknown>;
  }
  const article = {
    text: fields.text,
    title:
      flags.title ??
      fields.title ??
      (envelope || typeof fields.text !== 'string' ? undefined : firstLine(fields.text)),
    publisher: flags.publisher ?? fields.publisher,
    publishedAt: flags.published ?? fields.publishedAt,
    url: flags.url ?? fields.url,
  };
  const problems = articleProblems(article).map((problem) =>
    FLAG[problem.field] ? { ...problem, message: `${problem.message} (${FLAG[problem.field]})` } : problem,
  );
  return { file, article, problems };
}

/** Where each article's draft goes: a file for one article, `<name>.draft.json` in a folder otherwise. */
function outputPaths(
  files: readonly string[],
  out: string | undefined,
  folderInput: boolean,
): (string | undefined)[] {
  if (out === undefined) return files.map(() => undefined);
  const intoFolder =
    folderInput ||
    out.endsWith('/') ||
    out.endsWith(path.sep) ||
    (existsSync(out) && statSync(out).isDirectory());
  const paths = intoFolder
    ? files.map((file) =>
        path.join(out, `${path.basename(file).replace(/\.(txt|json)$/, '')}${DRAFT_SUFFIX}`),
      )
    : [out];
  for (const target of paths) {
    if (files.some((file) => path.resolve(file) === path.resolve(target)))
      throw new UsageError(`--out ${target}: would overwrite an article; choose another file or folder`);
  }
  // "a.txt" and "a.json" would both be drafted to "a.draft.json": one draft would be lost.
  const seen = new Map<string, string>();
  paths.forEach((target, index) => {
    const earlier = seen.get(path.resolve(target));
    if (earlier !== undefined)
      throw new UsageError(
        `${files[index]}: would be drafted to ${target}, as ${earlier} is; rename one of them`,
      );
    seen.set(path.resolve(target), files[index]);
  });
  if (intoFolder && existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out ${out}: is a file, but drafts of a folder go into a folder`);
  return paths;
}

/** The graph to match against, found as `npm run import` finds it, or none when offline. */
async function openLookup(offline: boolean): Promise<{ lookup: EntityLookup; close(): Promise<void> }> {
  if (offline) return { lookup: NO_GRAPH, close: async () => {} };
  // An outage is reported once, in the CLI's own words; a failing statement is still logged.
  const { db, uri, close } = await openCliDatabase(loadConfig(), createLogger('error'));
  let applied: boolean;
  try {
    applied = await isGraphSchemaApplied(db);
  } catch (error) {
    await close();
    throw new Error(
      `cannot read the graph at ${uri} (${(error as Error).message.split('\n')[0]}): start it (npm start) or set NEO4J_URI, or draft with --offline`,
    );
  }
  if (!applied) {
    await close();
    throw new Error(
      `the graph at ${uri} has no schema yet (an empty database): import something first (npm run import -- seed/), or draft with --offline`,
    );
  }
  return { lookup: new GraphReader(db), close };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
      out: { type: 'string' },
      offline: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one file or folder');
  const [target] = positionals;
  const files = articleFiles(target);
  const outputs = outputPaths(files, values.out, statSync(target).isDirectory());

  // Every article is checked before anything is drafted or written: one refused, nothing written.
  const articles = files.map((file) => readArticle(file, values));
  const problems = articles.flatMap(({ file, problems }) =>
    problems.map((p) => `${file}: ${p.field}: ${p.message}`),
  );
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nnothing written\n`);
    return 1;
  }

  const graph = await openLookup(values.offline);
  try {
    for (const [index, { file, article }] of articles.entries()) {
      const draft = await draftDocument(article, graph.lookup);
      const out = outputs[index];
      if (out) {
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, `${JSON.stringify(draft.document, null, 2)}\n`);
      }
      process.stdout.write(`${formatReview(file, draft, out)}\n`);
    }
  } finally {
    await graph.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = (error as Error).message.split('\n')[0];
    if (
      error instanceof UsageError ||
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof ConfigError ? '' : 'draft failed: '}${message}\n`);
    process.exit(1);
  },
);
