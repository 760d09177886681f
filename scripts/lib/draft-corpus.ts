/**
 * The articles drafting is judged on, each with its gold: the seed (its reviewed document read as
 * gold) and the synthetic fixtures in tests/fixtures/articles/ (`<name>.txt`, first line the title,
 * and `<name>.gold.json`). Shared by `npm run draft:eval`, the benchmark and the quality test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { goldFromDocument } from '../../src/extract/gold-from-document';
import { GoldSchema, type Gold } from '../../src/extract/gold.format';
import type { ArticleInput } from '../../src/extract/draft.types';
import { formatDocumentError, parseDocumentFile } from '../../src/ingest/document.validate';
import { fromProjectRoot } from '../../src/project-root';

export const SEED_DOCUMENT = fromProjectRoot(
  'seed',
  '2025-04-11-qatar-tribune-coalition-of-the-willing.json',
);
export const FIXTURE_DIR = fromProjectRoot('tests', 'fixtures', 'articles');
/** Held-out synthetic articles: measured, never used to tune the drafter. */
export const HELD_OUT_DIR = fromProjectRoot('tests', 'fixtures', 'held-out');

export interface EvaluationCase {
  name: string;
  article: ArticleInput;
  gold: Gold;
}

export function loadSeedCase(file = SEED_DOCUMENT): EvaluationCase {
  const parsed = parseDocumentFile(file);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatDocumentError).join('\n'));
  const { source } = parsed.document;
  return {
    name: 'seed',
    article: {
      text: source.text,
      title: source.title,
      publisher: source.publisher,
      publishedAt: source.publishedAt,
      url: source.url ?? null,
    },
    gold: goldFromDocument(parsed.document),
  };
}

/** Every fixture, in name order; a gold that doesn't fit the format, or a title that isn't line 1, throws. */
export function loadFixtureCases(dir = FIXTURE_DIR): EvaluationCase[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.gold.json'.length);
      const parsed = GoldSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      const gold = parsed.data;
      const text = readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const title = text.split('\n')[0].trim();
      if (title !== gold.article.title)
        throw new Error(`${file}: article.title is not the first line of ${name}.txt`);
      return {
        name,
        article: { text, title, publisher: gold.article.publisher, publishedAt: gold.article.publishedAt },
        gold,
      };
    });
}
