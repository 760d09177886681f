/**
 * Ids for drafted records: the format's type-prefixed slugs, derived from what the article says so
 * that drafting the same article twice gives the same ids (and re-importing it changes nothing).
 */
import { foldText } from '../graph/text';
import type { ArticleInput } from './draft.types';

/** "Antti Häkkänen" -> "antti-hakkanen"; at most `max` characters, cut at a dash. */
export function slugify(text: string, max = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** `source:<published>-<publisher>-<title>`, e.g. source:2025-04-11-qatar-tribune-kiev-s-closest-allies. */
export function sourceIdFor(article: Pick<ArticleInput, 'publishedAt' | 'publisher' | 'title'>): string {
  const parts = [article.publishedAt, slugify(article.publisher, 30), slugify(article.title, 60)].filter(
    (part) => part.length > 0,
  );
  return `source:${parts.join('-')}`;
}
