/**
 * Corroboration recomputed from scratch (docs/corroboration.md): how many sources state a node,
 * by how many independent publishers, first and last reported. Imports keep these up to date one
 * MENTIONS link at a time; a merge and its undo move many links at once, so they recompute.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel } from '../../graph/model';
import { int } from '../../graph/values';
import { publisherKey } from '../reliability/publisher-key';

export interface ReportingSource {
  publisher: string | null;
  publishedAt: string | null;
}

export interface Corroboration {
  sourceCount: number;
  publishers: string[];
  publisherCount: number;
  firstReported: string | null;
  lastReported: string | null;
}

export function corroborationOf(sources: readonly ReportingSource[]): Corroboration {
  const publishers = [
    ...new Set(sources.flatMap((source) => (source.publisher ? [publisherKey(source.publisher)] : []))),
  ].sort();
  const dates = sources.flatMap((source) => (source.publishedAt ? [source.publishedAt] : [])).sort();
  return {
    sourceCount: sources.length,
    publishers,
    publisherCount: publishers.length,
    firstReported: dates[0] ?? null,
    lastReported: dates.at(-1) ?? null,
  };
}

/** The sources that mention each node. */
export function reportingSourcesQuery(label: Label, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN id, [(s:${Label.Source})-[:${Rel.MENTIONS}]->(n) | {publisher: s.publisher, publishedAt: s.publishedAt}] AS sources`,
    { ids: [...ids] },
  );
}

export function setCorroborationQuery(
  label: Label,
  rows: readonly { id: string; corroboration: Corroboration }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
SET n += row.corroboration`,
    {
      rows: rows.map(({ id, corroboration }) => ({
        id,
        corroboration: {
          ...corroboration,
          sourceCount: int(corroboration.sourceCount),
          publisherCount: int(corroboration.publisherCount),
        },
      })),
    },
  );
}
