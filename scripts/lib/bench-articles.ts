/**
 * Articles for the drafting benchmark, built from the evaluation corpus: one long article (the seed's
 * and the fixtures' paragraphs joined up to a word count) and many varied ones (fixtures with their
 * dates shifted and their officials renamed), so the figures come from realistic text, not a loop
 * over one string the caches learn.
 */
import type { ArticleInput } from '../../src/extract/draft.types';
import type { EvaluationCase } from './draft-corpus';
import { prng } from './prng';

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Paragraphs of the seed, then of each fixture, until `minWords` words. */
export function longArticle(
  cases: readonly EvaluationCase[],
  minWords = 1000,
): ArticleInput & { words: number } {
  const paragraphs: string[] = [];
  let words = 0;
  for (const line of cases.flatMap((each) => each.article.text.split('\n').slice(1))) {
    if (words >= minWords) break;
    if (line.trim() === '') continue;
    paragraphs.push(line);
    words += wordCount(line);
  }
  const title = 'Allies weigh missions, sanctions and talks';
  return {
    title,
    publisher: 'Benchmark Wire',
    publishedAt: cases[0].article.publishedAt,
    text: [title, ...paragraphs].join('\n'),
    words: words + wordCount(title),
  };
}

// Invented names, mixed origins, some with accents.
const FIRST_NAMES = [
  'Ana',
  'Björn',
  'Chloé',
  'Dawit',
  'Elif',
  'Farid',
  'Grete',
  'Hiro',
  'Inès',
  'Jakub',
  'Kofi',
  'Lucía',
];
const SURNAMES = [
  'Varga',
  'Okafor',
  'Lindström',
  'Moreau',
  'Demir',
  'Nakamura',
  'Kowalczyk',
  'Ferraz',
  'Haddad',
  'Østergaard',
];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `count` articles cycling through `cases`: each published `i / cases.length` days later than its
 * fixture, with every official renamed (full name, and surname on later mentions).
 */
export function variedArticles(cases: readonly EvaluationCase[], count: number, seed = 1): ArticleInput[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, index) => {
    const { article, gold } = cases[index % cases.length];
    const replacements: [string, string][] = [];
    for (const official of gold.officials) {
      const first = pick(FIRST_NAMES);
      const last = pick(SURNAMES);
      for (const name of [official.name, ...official.aliases])
        replacements.push([name, wordCount(name) === 1 ? last : `${first} ${last}`]);
    }
    replacements.sort((a, b) => b[0].length - a[0].length);
    const text = replacements.reduce((current, [from, to]) => current.split(from).join(to), article.text);
    return {
      ...article,
      title: `${article.title} (${index + 1})`,
      text,
      publishedAt: addDays(article.publishedAt, Math.floor(index / cases.length)),
    };
  });
}
