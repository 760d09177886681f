/**
 * `npm run bench:draft-hostile [-- --only name,name]`: drafts each hostile 100,000-character
 * article of scripts/lib/hostile-articles.ts in this process and prints how long it took, slowest
 * first. Figures, not assertions: the drafter runs for anonymous clients (`draftDocument`), so a
 * case that takes seconds is a denial of service to fix.
 */
import { parseArgs } from 'node:util';
import { draftArticle } from '../src/extract/draft-article';
import { CASES } from './lib/hostile-articles';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const article = { title: 'Hostile input', publisher: 'Synthetic', publishedAt: '2025-04-11' };

// Warm up once, so the first case doesn't pay for loading the gazetteer.
draftArticle({ ...article, text: 'France met Germany in Paris on Monday.' }, []);
const results: { name: string; seconds: number; facts: number; length: number }[] = [];
for (const [name, make] of Object.entries(CASES)) {
  if (only && !only.includes(name)) continue;
  const text = make().slice(0, 100_000);
  const started = performance.now();
  const draft = draftArticle({ ...article, text }, []);
  results.push({
    name,
    seconds: (performance.now() - started) / 1000,
    facts: draft.facts.length,
    length: text.length,
  });
}
results.sort((a, b) => b.seconds - a.seconds);
process.stdout.write(
  `# draftArticle on ${results.length} hostile articles (about 100,000 characters each), slowest first\n`,
);
for (const result of results) {
  process.stdout.write(
    `${result.name.padEnd(28)} ${result.seconds.toFixed(2).padStart(6)} s  ${result.facts} facts\n`,
  );
}
