/**
 * Drafts an article into the import format. (Skeleton: the extraction passes land next; today it
 * proposes the source alone, which already passes the import validator.)
 */
import { FORMAT } from '../ingest/document.format';
import type { ArticleInput, Draft, KnownEntity } from './draft.types';
import { sourceIdFor } from './ids';

export function draftArticle(article: ArticleInput, known: readonly KnownEntity[]): Draft {
  void known;
  return {
    document: {
      format: FORMAT,
      source: {
        id: sourceIdFor(article),
        title: article.title,
        publisher: article.publisher,
        publishedAt: article.publishedAt,
        ...(article.url ? { url: article.url } : {}),
        text: article.text,
      },
      nations: [],
      officials: [],
      organizations: [],
      places: [],
      topics: [],
      meetings: [],
      statements: [],
      positions: [],
    },
    entities: [],
    facts: [],
    warnings: [],
  };
}
