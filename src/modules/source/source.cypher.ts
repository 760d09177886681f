/** Cypher specs for listing sources. */
import { Label } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';

export const ALL_SOURCES: RootPageSpec = {
  match: `MATCH (n:${Label.Source})`,
  sortKey: 'n.publishedAt',
  indexedOrder: { label: Label.Source, property: 'publishedAt' },
};
