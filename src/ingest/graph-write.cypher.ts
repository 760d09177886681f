/**
 * Pure builders for the loader's batched writes: one UNWIND statement per label or relationship
 * type, MERGE on ids so a reload changes nothing. Labels and types come from graph/model constants.
 */
import { cypher, type CypherQuery } from '../graph/cypher';
import { Label, Rel } from '../graph/model';

/** A node to write: its id, the properties to set, and the evidence that backs it. */
export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  evidence: string[];
}

/** A relationship to write; `evidence` is kept on the relationship as a list of evidence ids. */
export interface RelationshipRow {
  from: string;
  to: string;
  evidence: string[];
}

export interface EvidenceRow {
  id: string;
  excerpt: string;
  start: number;
  end: number;
  sourceId: string;
}

const ACTOR_LABELS = new Set<Label>([Label.Nation, Label.Official, Label.Organization]);

export function existingNodesQuery(label: Label, ids: readonly string[]): CypherQuery {
  return cypher(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, properties(n) AS props`, {
    ids: [...ids],
  });
}

export function sourceStateQuery(sourceId: string): CypherQuery {
  return cypher(`OPTIONAL MATCH (s:${Label.Source} {id: $id}) RETURN s.contentHash AS contentHash`, {
    id: sourceId,
  });
}

export function mergeSourceQuery(props: Record<string, unknown> & { id: string }): CypherQuery {
  return cypher(`MERGE (s:${Label.Source} {id: $props.id}) SET s += $props`, { props });
}

export function mergeEvidenceQuery(rows: readonly EvidenceRow[]): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (s:${Label.Source} {id: row.sourceId})
MERGE (e:${Label.Evidence} {id: row.id})
SET e.excerpt = row.excerpt, e.start = row.start, e.end = row.end, e.sourceId = row.sourceId
MERGE (e)-[:${Rel.EXCERPT_OF}]->(s)`,
    { rows: [...rows] },
  );
}

/** MERGE nodes of one label, set their properties, link their evidence and the source that mentions them. */
export function mergeNodesQuery(label: Label, rows: readonly NodeRow[], sourceId: string): CypherQuery {
  const actor = ACTOR_LABELS.has(label) ? `SET n:${Label.Actor}` : '';
  return cypher(
    `MATCH (s:${Label.Source} {id: $sourceId})
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
${actor}
SET n += row.props
MERGE (s)-[:${Rel.MENTIONS}]->(n)
WITH n, row
UNWIND row.evidence AS evidenceId
MATCH (e:${Label.Evidence} {id: evidenceId})
MERGE (n)-[:${Rel.EVIDENCED_BY}]->(e)`,
    { rows: [...rows], sourceId },
  );
}

/** MERGE relationships of one type between two labels; evidence ids accumulate across documents. */
export function mergeRelationshipsQuery(
  fromLabel: Label,
  type: Rel,
  toLabel: Label,
  rows: readonly RelationshipRow[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r.evidence = reduce(acc = coalesce(r.evidence, []), id IN row.evidence | CASE WHEN id IN acc THEN acc ELSE acc + id END)`,
    { rows: [...rows] },
  );
}

/** Totals from the count store: cheap, and enough to report what a load created. */
export function graphTotalsQuery(): CypherQuery {
  return cypher(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
}
