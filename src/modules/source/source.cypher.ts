/** Cypher specs for listing sources, and their texts by id. */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { SOURCE_TEXT } from '../../graph/lookup-projection.cypher';
import { Label } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';

export const ALL_SOURCES: RootPageSpec = {
  match: `MATCH (n:${Label.Source})`,
  sortKey: 'n.publishedAt',
  indexedOrder: { label: Label.Source, property: 'publishedAt' },
};

/** The full texts of these sources, for Source.text when a lookup left them out. */
export function sourceTextsQuery(ids: readonly string[]): CypherQuery {
  return cypher(`UNWIND $ids AS id MATCH (s:${Label.Source} {id: id}) RETURN id, s.${SOURCE_TEXT} AS text`, {
    ids: [...ids],
  });
}
