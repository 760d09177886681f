/**
 * Reads of the export (src/export/): sources a page at a time by id, what each states (the records
 * it mentions, with its own evidence and their links), its claims, and the curation records the
 * import format cannot hold. Every read is keyset-paged or bounded by a page of sources, so an
 * export of any size runs in bounded memory. Labels and types come from graph/model constants.
 */
import { cypher, type CypherQuery } from '../graph/cypher';
import { CHANGE_LABEL } from '../graph/change-log.cypher';
import { ENTITY_LABELS, Label, Rel } from '../graph/model';
import { typedPropertiesOf } from '../graph/typed-properties';
import { MOVED_BY_MERGE } from '../ingest/graph-write.cypher';
import { ASSESSABLE_FACT_LABELS } from '../modules/reliability/credibility';
import { int } from '../graph/values';

/** The links the import format states on its records (members, speakers, topics...). */
export const DOCUMENT_LINK_TYPES: readonly Rel[] = [
  Rel.NATIONAL_OF,
  Rel.HOLDS_ROLE,
  Rel.ROLE_FOR_NATION,
  Rel.ROLE_IN,
  Rel.MEMBER_OF,
  Rel.LEADS,
  Rel.IN_COUNTRY,
  Rel.WITHIN,
  Rel.BROADER,
  Rel.HELD_AT,
  Rel.CONVENED,
  Rel.CHAIRED,
  Rel.ATTENDED,
  Rel.ABOUT,
  Rel.SAID,
  Rel.MADE_AT,
  Rel.TOOK,
  Rel.EXPRESSED_IN,
];

/** One source's evidence behind `variable` (a node's, or a relationship's evidence ids), in text order. */
function evidenceOf(match: string): string {
  return `COLLECT { ${match} RETURN {start: e.start, excerpt: e.excerpt} AS evidence ORDER BY e.start, e.excerpt }`;
}

/** A page of sources, in id order, with what the import format holds of each. */
export function sourcesPageQuery(after: string | null, limit: number): CypherQuery {
  return cypher(
    `MATCH (s:${Label.Source})
WHERE $after IS NULL OR s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.publishedAt AS publishedAt,
       s.url AS url, s.text AS text, s.contentHash AS contentHash`,
    { after, limit: int(limit) },
  );
}

/**
 * Every record these sources mention, with the source's own evidence for it and its links of the
 * document's kinds. `available` says whether the other end of a link is there when the source's
 * document is imported in id order: the source mentions it too, or a source before it does.
 */
export function mentionedRecordsQuery(sourceIds: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $sourceIds AS sourceId
MATCH (s:${Label.Source} {id: sourceId})-[:${Rel.MENTIONS}]->(n)
RETURN sourceId, [label IN labels(n) WHERE label IN $entityLabels][0] AS label, properties(n) AS props,
  ${evidenceOf(`MATCH (n)-[:${Rel.EVIDENCED_BY}]->(e:${Label.Evidence}) WHERE e.sourceId = sourceId`)} AS evidence,
  COLLECT {
    MATCH (n)-[r]-(o)
    WHERE type(r) IN $linkTypes
    RETURN {
      type: type(r), out: startNode(r) = n, other: o.id,
      available: EXISTS { (s)-[:${Rel.MENTIONS}]->(o) }
        OR EXISTS { MATCH (o)<-[:${Rel.MENTIONS}]-(x:${Label.Source}) WHERE x.id < sourceId },
      evidence: ${evidenceOf(`UNWIND coalesce(r.evidence, []) AS evidenceId MATCH (e:${Label.Evidence} {id: evidenceId}) WHERE e.sourceId = sourceId`)}
    } AS link ORDER BY link.type, link.other
  } AS links
ORDER BY sourceId, n.id`,
    { sourceIds: [...sourceIds], entityLabels: [...ENTITY_LABELS], linkTypes: [...DOCUMENT_LINK_TYPES] },
  );
}

/** What these sources claim of each meeting (docs/corroboration.md), in a stable order. */
export function claimsOfSourcesQuery(sourceIds: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $sourceIds AS sourceId
MATCH (c:${Label.Claim})-[:${Rel.CLAIMED_IN}]->(:${Label.Source} {id: sourceId})
MATCH (c)-[:${Rel.CLAIM_ABOUT}]->(fact)
RETURN sourceId, fact.id AS fact, c.id AS id, c.field AS field, c.value AS value, c.number AS number,
       c.unit AS unit, c.approximate AS approximate,
       ${evidenceOf(`MATCH (c)-[:${Rel.EVIDENCED_BY}]->(e:${Label.Evidence})`)} AS evidence
ORDER BY sourceId, fact, id`,
    { sourceIds: [...sourceIds] },
  );
}

/**
 * Links a merge moved onto the node it kept, still carrying its mark: documents state the link
 * (or the source's mention, or the evidence), but only this record keeps the mark that lets
 * undoMerge take it off again. Marks are few (merges are hand-made) but may sit on a link of any
 * type, so this one statement scans every relationship once: a backup's cost, not a request's.
 */
export function mergeMarkedLinksQuery(): CypherQuery {
  return cypher(
    `MATCH (a)-[r]->(b)
WHERE r.${MOVED_BY_MERGE} IS NOT NULL
RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS from, labels(b) AS toLabels, b.id AS to,
       r.${MOVED_BY_MERGE} AS movedByMerge
ORDER BY from, type, to, movedByMerge`,
  );
}

/** Possible duplicates an import found and no editor has decided on yet, with what was recorded. */
export function possibleDuplicatesQuery(): CypherQuery {
  return cypher(
    `MATCH (a)-[d:${Rel.POSSIBLE_DUPLICATE}]->(b)
RETURN a.id AS from, b.id AS to, ${typedPropertiesOf('d')} AS props
ORDER BY from, to`,
  );
}

/** An audit label, and the link from each of its records to what it is about. */
export interface AuditSpec {
  label: Label;
  /** Only the nodes of the label that carry curation (a publisher with a grade). */
  where?: string;
  link?: { type: Rel; direction: 'out' | 'in' };
}

/** A page of an audit label's records by id: their exact properties and the ids they are about. */
export function auditPageQuery(spec: AuditSpec, after: string | null, limit: number): CypherQuery {
  const pattern = spec.link
    ? spec.link.direction === 'out'
      ? `(n)-[:${spec.link.type}]->(o)`
      : `(n)<-[:${spec.link.type}]-(o)`
    : undefined;
  return cypher(
    `MATCH (n:${spec.label})
WHERE ($after IS NULL OR n.id > $after)${spec.where ? ` AND ${spec.where}` : ''}
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, ${typedPropertiesOf('n')} AS props,
       ${pattern ? `COLLECT { MATCH ${pattern} RETURN o.id AS other ORDER BY other }` : '[]'} AS about`,
    { after, limit: int(limit) },
  );
}

/** A page of rated facts (credibility 1-6) by id. */
export function credibilityPageQuery(after: string | null, limit: number): CypherQuery {
  return cypher(
    `MATCH (n:${ASSESSABLE_FACT_LABELS.join('|')})
WHERE n.credibility IS NOT NULL AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, n.credibility AS credibility`,
    { after, limit: int(limit) },
  );
}

/**
 * Nodes per label and relationships per type. Write locks (the change log's counter among them) and
 * the change log's entries are bookkeeping, not content: a backup leaves them out.
 */
export function graphCountsQuery(): CypherQuery {
  return cypher(
    `CALL () {
  MATCH (n) WHERE NOT n:${Label.WriteLock} AND NOT n:${CHANGE_LABEL}
  UNWIND labels(n) AS label
  WITH label, count(*) AS count ORDER BY label
  RETURN collect([label, count]) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect([type, count]) AS relationships
}
RETURN nodes, relationships`,
  );
}
