/**
 * Cypher of editors' judgements: a publisher's grade, a fact's credibility, a dismissed duplicate,
 * each written with its Assessment record (who, when, why) linked to what it judges.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';
import { int } from '../../graph/values';

export interface AssessmentProps {
  id: string;
  kind: 'RELIABILITY' | 'CREDIBILITY' | 'NOT_DUPLICATE';
  subject: string;
  value: string;
  evidence: string;
  by: string;
  at: string;
}

/**
 * Grades a publisher that at least one source names (run under the publisher's lock); no row when
 * no source has it. The name and key stay as the import stored them.
 */
export function gradePublisherQuery(
  publisher: { id: string; key: string; name: string },
  grade: string,
  assessment: AssessmentProps,
): CypherQuery {
  return cypher(
    `MATCH (p:${Label.Publisher} {id: $publisher.id})
WHERE EXISTS { (:${Label.Source})-[:${Rel.PUBLISHED_BY}]->(p) }
SET p.name = coalesce(p.name, $publisher.name), p.key = coalesce(p.key, $publisher.key), p.reliability = $grade
CREATE (a:${Label.Assessment})
SET a = $assessment
CREATE (a)-[:${Rel.ASSESSES}]->(p)
RETURN properties(p) AS publisher`,
    { publisher, grade, assessment },
  );
}

/** Whether a fact exists and is retracted. */
export function factStateQuery(label: Label, id: string): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})
RETURN n.retractedAt IS NOT NULL OR EXISTS { (n)-[:${Rel.RETRACTED_BY}]->() } AS retracted`,
    { id },
  );
}

export function assessFactQuery(
  label: Label,
  id: string,
  credibility: number,
  assessment: AssessmentProps,
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})
SET n.credibility = $credibility
CREATE (a:${Label.Assessment})
SET a = $assessment
CREATE (a)-[:${Rel.ASSESSES}]->(n)
RETURN properties(n) AS node`,
    { id, credibility: int(credibility), assessment },
  );
}

/**
 * Removes the possible-duplicate links between two nodes (either way round) and records the
 * dismissal, the link's own score, reason and source kept on it; no row when there was no link.
 */
export function dismissDuplicateQuery(
  label: Label,
  ids: { a: string; b: string },
  assessment: AssessmentProps,
): CypherQuery {
  return cypher(
    `MATCH (x:${label} {id: $a})-[d:${Rel.POSSIBLE_DUPLICATE}]-(y:${label} {id: $b})
WITH x, y, collect(d) AS links
WITH x, y, links, links[0] AS first
CREATE (a:${Label.Assessment})
SET a = $assessment, a.duplicateScore = first.score, a.duplicateReason = first.reason,
    a.duplicateSourceId = first.sourceId, a.duplicateAt = first.at
CREATE (a)-[:${Rel.ASSESSES}]->(x)
CREATE (a)-[:${Rel.ASSESSES}]->(y)
FOREACH (d IN links | DELETE d)
RETURN properties(a) AS assessment`,
    { a: ids.a, b: ids.b, assessment },
  );
}

/** How many sources each publisher published. */
export function publisherSourceCountsQuery(ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH (p:${Label.Publisher} {id: id})
RETURN id, COUNT { (:${Label.Source})-[:${Rel.PUBLISHED_BY}]->(p) } AS sources`,
    { ids: [...ids] },
  );
}

/** A node's assessments, oldest first. */
export function assessmentsOf(label: Label): ReturnType<typeof relationSpec> {
  return relationSpec(label, 'assessments', incoming(Rel.ASSESSES, Label.Assessment), byProperty('at'));
}

export const SOURCE_PUBLISHER = relationSpec(
  Label.Source,
  'publisherDetail',
  outgoing(Rel.PUBLISHED_BY, Label.Publisher),
  byProperty('id'),
);

export const ALL_PUBLISHERS: RootPageSpec = {
  match: `MATCH (n:${Label.Publisher})`,
  sortKey: 'n.key',
};

/** Every assessment, oldest first; `kind` null for all kinds. */
export function assessmentsListing(kind: string | null): RootPageSpec {
  return {
    match: `MATCH (n:${Label.Assessment}) WHERE $kind IS NULL OR n.kind = $kind`,
    sortKey: 'n.at',
    params: { kind },
  };
}
