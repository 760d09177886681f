/**
 * `npm run draft:eval [-- --verbose]`: drafts the seed and every synthetic fixture with no graph
 * (known = []) and scores each draft against its gold: a markdown table per fact type for the seed
 * and for the fixtures pooled; with --verbose, a table per fixture and every miss and false positive
 * with the reason. docs/extraction.md explains the rules.
 */
import { parseArgs } from 'node:util';
import { draftArticle } from '../src/extract/draft-article';
import { evaluate, poolScores } from '../src/extract/evaluate';
import { HELD_OUT_DIR, loadFixtureCases, loadSeedCase } from './lib/draft-corpus';
import { findingsList, scoreTable } from './lib/draft-eval-report';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });

const seed = loadSeedCase();
const fixtures = loadFixtureCases();
// Written by someone who had not read the drafter, and never used to tune it: the fairest figure.
const heldOut = loadFixtureCases(HELD_OUT_DIR);
const scored = [seed, ...fixtures, ...heldOut].map((each) => {
  const started = performance.now();
  const draft = draftArticle(each.article, []);
  const milliseconds = performance.now() - started;
  return { ...each, milliseconds, scores: evaluate(draft, each.gold) };
});
const [seedResult, ...rest] = scored;
const fixtureResults = rest.slice(0, fixtures.length);
const heldOutResults = rest.slice(fixtures.length);

const out: string[] = ['# Drafting evaluation (draftArticle, no graph)', ''];
out.push(`## Seed: ${seed.article.title} (${seed.article.publisher}, ${seed.article.publishedAt})`, '');
out.push(scoreTable(seedResult.scores), '');
if (values.verbose) out.push(findingsList(seedResult.scores), '');
out.push(`## Synthetic fixtures pooled (${fixtures.length} articles)`, '');
out.push(scoreTable(poolScores(fixtureResults.map((result) => result.scores))), '');
out.push(`## Held-out synthetic articles pooled (${heldOut.length} articles, never used for tuning)`, '');
out.push(scoreTable(poolScores(heldOutResults.map((result) => result.scores))), '');
if (values.verbose) {
  for (const result of [...fixtureResults, ...heldOutResults]) {
    out.push(`### ${result.name} (${result.milliseconds.toFixed(1)} ms)`, '');
    out.push(scoreTable(result.scores), '', findingsList(result.scores), '');
  }
} else {
  out.push('Run with `--verbose` for each fixture and the misses and false positives.', '');
}
process.stdout.write(out.join('\n'));
