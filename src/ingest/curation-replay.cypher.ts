/**
 * Pure builders for replaying a backup's curation records (src/export/curation.format.ts) after its
 * documents: links, claims, publishers, aliases, possible duplicates and audit records, written back
 * with their exact properties. Labels and types come from graph/model constants: a label is derived
 * from an id's prefix, and a record whose id has no known prefix is refused before any Cypher.
 */
import { cypher, type CypherQuery } from '../graph/cypher';
import { Label, labelForId, Rel } from '../graph/model';
import { propertiesParam, type TypedProperties } from '../graph/typed-properties';
import { int } from '../graph/values';
import { COUNT_MENTION, MOVED_BY_MERGE } from './graph-write.cypher';

/** The label of a stored node's id: an entity's prefix (`nation:`), or a publisher's. */
export function labelOfStoredId(id: string): Label | undefined {
  return labelForId(id) ?? (id.startsWith('publisher:') ? Label.Publisher : undefined);
}

/** Puts a merge's mark back on links it moved (the documents and mentions restored the links). */
export function markMovedLinksQuery(
  fromLabel: Label,
  type: Rel,
  toLabel: Label,
  rows: readonly { from: string; to: string; record: string }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (:${fromLabel} {id: row.from})-[r:${type}]->(:${toLabel} {id: row.to})
SET r.${MOVED_BY_MERGE} = row.record`,
    { rows: [...rows] },
  );
}

/**
 * A source's mention of a record its document could not hold, counted as an import counts it
 * (graph-write.cypher.ts COUNT_MENTION), with the source's evidence for it.
 */
export function restoreMentionsQuery(
  label: Label,
  rows: readonly { source: string; id: string; evidence: string[] }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (s:${Label.Source} {id: row.source})
MATCH (n:${label} {id: row.id})
${COUNT_MENTION}
WITH n, row
UNWIND row.evidence AS evidenceId
MATCH (e:${Label.Evidence} {id: evidenceId})
MERGE (n)-[:${Rel.EVIDENCED_BY}]->(e)`,
    { rows: [...rows] },
  );
}

/**
 * Claims of a source about a meeting that the backup does not hold: the documents' import made
 * them from the meeting as stored now, while the backup keeps what the source itself claimed.
 */
export function removeOtherClaimsQuery(
  rows: readonly { source: string; fact: string; ids: string[] }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (:${Label.Source} {id: row.source})<-[:${Rel.CLAIMED_IN}]-(c:${Label.Claim})-[:${Rel.CLAIM_ABOUT}]->(:${Label.Meeting} {id: row.fact})
WHERE NOT c.id IN row.ids
DETACH DELETE c`,
    { rows: [...rows] },
  );
}

/**
 * Audit records and publishers by id with their exact properties. An audit record already stored
 * (a restore run again, or into the graph it came from) is left as it is: who, when and why are
 * never rewritten. A publisher's grade is state, so the backup's is written.
 */
export function restoreRecordsQuery(
  label: Label,
  rows: readonly { id: string; props: TypedProperties }[],
  overwrite: boolean,
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
${overwrite ? 'SET' : 'ON CREATE SET'} n = row.props`,
    { rows: rows.map((row) => ({ id: row.id, props: propertiesParam(row.props) })) },
  );
}

/**
 * Links audit records to what they are about. A retraction also marks its fact retracted, at the
 * time it records (write.cypher.ts retractQuery does the same).
 */
export function linkRecordsQuery(
  label: Label,
  link: { type: Rel; direction: 'out' | 'in' },
  otherLabel: Label,
  rows: readonly { id: string; other: string }[],
): CypherQuery {
  const pattern = link.direction === 'out' ? `(n)-[:${link.type}]->(o)` : `(n)<-[:${link.type}]-(o)`;
  const retraction = label === Label.Retraction ? '\nSET o.retractedAt = n.recordedAt' : '';
  return cypher(
    `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
MATCH (o:${otherLabel} {id: row.other})
MERGE ${pattern}${retraction}`,
    { rows: [...rows] },
  );
}

export function restorePossibleDuplicatesQuery(
  label: Label,
  rows: readonly { from: string; to: string; props: TypedProperties }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (a:${label} {id: row.from})
MATCH (b:${label} {id: row.to})
MERGE (a)-[d:${Rel.POSSIBLE_DUPLICATE}]->(b)
ON CREATE SET d = row.props`,
    { rows: rows.map((row) => ({ from: row.from, to: row.to, props: propertiesParam(row.props) })) },
  );
}

export function restoreCredibilityQuery(
  label: Label,
  rows: readonly { fact: string; credibility: number }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (n:${label} {id: row.fact})
SET n.credibility = row.credibility`,
    { rows: rows.map((row) => ({ fact: row.fact, credibility: int(row.credibility) })) },
  );
}

/** Gives sources back the hash of the document they were first imported from. */
export function restoreSourceHashesQuery(
  rows: readonly { source: string; contentHash: string }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (s:${Label.Source} {id: row.source})
SET s.contentHash = row.contentHash`,
    { rows: [...rows] },
  );
}
