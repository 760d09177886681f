/**
 * Cypher of merges and their undo. One statement per relationship type, direction and label at
 * the other end, each spelled from the model's constants (never from what a snapshot or a client
 * says): a type read back from the graph is first looked up among the constants (linkType).
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { isActorLabel, Label, Rel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import { MOVED_BY_MERGE, RECOUNT_MENTIONS } from '../../ingest/graph-write.cypher';
import { propertiesParam, typedPropertiesOf, type TypedProperties } from '../../graph/typed-properties';
import type { LinkGroup, MergeableLabel, UnmoveRow } from './merge.plan';

/** The model's relationship type with this name, or undefined (a type this code doesn't know). */
export function linkType(name: unknown): Rel | undefined {
  return (Object.values(Rel) as string[]).includes(String(name)) ? (name as Rel) : undefined;
}

/** The model's label of a node at the other end of a link (Actor is an extra label, never the kind). */
export function nodeLabel(labels: unknown): Label | undefined {
  const known = Object.values(Label) as string[];
  const found = (Array.isArray(labels) ? labels : []).filter(
    (label) => label !== Label.Actor && known.includes(String(label)),
  );
  return found.length === 1 ? (found[0] as Label) : undefined;
}

/** The two nodes of a merge, with their properties as stored and whether either is retracted. */
export function mergeSubjectsQuery(label: MergeableLabel, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, ${typedPropertiesOf('n')} AS props,
       n.retractedAt IS NOT NULL OR EXISTS { (n)-[:${Rel.RETRACTED_BY}]->() } AS retracted`,
    { ids: [...ids] },
  );
}

const LINK_COLUMNS = `type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       labels(o) AS otherLabels, o.id AS otherId, ${typedPropertiesOf('r')} AS props`;

/** Every relationship of a node, whatever its type. */
export function linksOfQuery(label: MergeableLabel, id: string): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})-[r]-(o)
WITH DISTINCT n, r, o
RETURN ${LINK_COLUMNS}`,
    { id },
  );
}

/** A node's relationships to these nodes, and those of these types (its single links). */
export function linksToQuery(
  label: MergeableLabel,
  id: string,
  otherIds: readonly string[],
  types: readonly Rel[],
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})-[r]-(o)
WHERE o.id IN $otherIds OR type(r) IN $types
WITH DISTINCT n, r, o
RETURN ${LINK_COLUMNS}`,
    { id, otherIds: [...new Set(otherIds)], types: [...types] },
  );
}

function arrow(type: Rel, direction: 'out' | 'in', variable: string): string {
  return direction === 'out' ? `-[${variable}:${type}]->` : `<-[${variable}:${type}]-`;
}

/**
 * Moves the merged node's links of one type and direction to keep: the same relationship on keep
 * (created with the merged one's properties and the merge's mark if keep had none), evidence ids
 * united, the old one deleted. A link without an evidence list stays without one.
 */
export function moveLinksQuery(
  label: MergeableLabel,
  ids: { keep: string; merge: string; record: string },
  group: LinkGroup<string>,
): CypherQuery {
  return cypher(
    `MATCH (m:${label} {id: $merge})
MATCH (k:${label} {id: $keep})
UNWIND $otherIds AS otherId
MATCH (m)${arrow(group.type, group.direction, 'r')}(o:${group.otherLabel} {id: otherId})
MERGE (k)${arrow(group.type, group.direction, 'moved')}(o)
  ON CREATE SET moved = properties(r), moved.${MOVED_BY_MERGE} = $record
SET moved.evidence = CASE WHEN r.evidence IS NULL THEN moved.evidence
  ELSE reduce(acc = coalesce(moved.evidence, []), id IN r.evidence | CASE WHEN id IN acc THEN acc ELSE acc + id END) END
DELETE r`,
    { merge: ids.merge, keep: ids.keep, record: ids.record, otherIds: group.rows },
  );
}

export function setNamesQuery(
  label: MergeableLabel,
  id: string,
  names: { aliases: string[]; nameText: string },
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})
SET n.aliases = $names.aliases, n.nameText = $names.nameText`,
    { id, names },
  );
}

/** Deletes the merged node with the links left on it (the dropped ones; all are in the snapshot). */
export function deleteMergedQuery(label: MergeableLabel, id: string): CypherQuery {
  return cypher(`MATCH (n:${label} {id: $id}) DETACH DELETE n`, { id });
}

/** The merged id becomes another name of keep: references to it find keep. */
export function createMergeAliasQuery(
  label: MergeableLabel,
  keepId: string,
  alias: { id: string; reason: string; decidedAt: string; mergeRecord: string },
): CypherQuery {
  return cypher(
    `MATCH (k:${label} {id: $keep})
CREATE (a:${Label.IdAlias})
SET a = $alias, a.via = 'merge'
CREATE (a)-[:${Rel.ALIAS_OF}]->(k)`,
    { keep: keepId, alias },
  );
}

export function deleteAliasQuery(id: string): CypherQuery {
  return cypher(`MATCH (a:${Label.IdAlias} {id: $id}) DETACH DELETE a`, { id });
}

/** Where an alias id leads now, if anywhere. */
export function aliasTargetQuery(id: string): CypherQuery {
  return cypher(`MATCH (:${Label.IdAlias} {id: $id})-[:${Rel.ALIAS_OF}]->(n) RETURN n.id AS id`, { id });
}

export interface MergeRecordProps {
  id: string;
  label: MergeableLabel;
  kept: string;
  merged: string;
  reason: string;
  mergedBy: string;
  mergedAt: string;
  snapshot: string;
}

export function createMergeRecordQuery(record: MergeRecordProps): CypherQuery {
  return cypher(`CREATE (r:${Label.MergeRecord}) SET r = $record RETURN properties(r) AS record`, {
    record,
  });
}

export function mergeRecordQuery(id: string): CypherQuery {
  return cypher(`MATCH (r:${Label.MergeRecord} {id: $id}) RETURN properties(r) AS record`, { id });
}

export function markUndoneQuery(
  id: string,
  undo: { undoneAt: string; undoneBy: string; undoReason: string },
): CypherQuery {
  return cypher(
    `MATCH (r:${Label.MergeRecord} {id: $id})
SET r += $undo
RETURN properties(r) AS record`,
    { id, undo },
  );
}

/** Recreates the merged node as it was stored (Actor label included for actors). */
export function restoreNodeQuery(label: MergeableLabel, props: TypedProperties): CypherQuery {
  return cypher(
    `CREATE (n:${label}${isActorLabel(label) ? `:${Label.Actor}` : ''})
SET n = $props`,
    { props: propertiesParam(props) },
  );
}

/**
 * The node at the other end of a snapshot link now: the node with that id, or the one its id is
 * an alias of (it was merged into another since).
 */
function otherEnd(otherLabel: Label): string {
  return `OPTIONAL MATCH (byId:${otherLabel} {id: row.otherId})
OPTIONAL MATCH (:${Label.IdAlias} {id: row.otherId})-[:${Rel.ALIAS_OF}]->(byAlias:${otherLabel})
WITH n, row, coalesce(byId, byAlias) AS other`;
}

/** Gives the restored node back its links of one type and direction; returns how many were made. */
export function restoreLinksQuery(
  label: MergeableLabel,
  id: string,
  group: LinkGroup<{ otherId: string; props: TypedProperties }>,
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $id})
UNWIND $rows AS row
${otherEnd(group.otherLabel)}
WHERE other IS NOT NULL
CREATE (n)${arrow(group.type, group.direction, 'r')}(other)
SET r = row.props
RETURN count(r) AS restored`,
    {
      id,
      rows: group.rows.map((row) => ({ otherId: row.otherId, props: propertiesParam(row.props) })),
    },
  );
}

/**
 * Takes from keep what a merge moved onto it: the contributed evidence leaves keep's link; a link
 * keep had only through the merge is deleted while it still carries the merge's mark (a document
 * that stated it since took the mark off, and then it stays).
 */
export function unmoveLinksQuery(
  label: MergeableLabel,
  ids: { keep: string; record: string },
  group: LinkGroup<UnmoveRow>,
): CypherQuery {
  return cypher(
    `MATCH (n:${label} {id: $keep})
UNWIND $rows AS row
${otherEnd(group.otherLabel)}
MATCH (n)${arrow(group.type, group.direction, 'r')}(other)
WITH r, row, [e IN coalesce(r.evidence, []) WHERE NOT e IN row.contributed] AS remaining
WITH r, remaining, r.evidence IS NOT NULL AS listed,
     NOT row.hadBefore AND r.${MOVED_BY_MERGE} = $record AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN listed AND NOT gone THEN [1] ELSE [] END | SET r.evidence = remaining)`,
    { keep: ids.keep, record: ids.record, rows: group.rows },
  );
}

/** Recounts each node's corroboration from the sources that state it now (after links moved). */
export function recountQuery(label: MergeableLabel, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH (n:${label} {id: id})
${RECOUNT_MENTIONS}`,
    { ids: [...ids] },
  );
}

/** The audit trail of merges, oldest first. */
export const ALL_MERGE_RECORDS: RootPageSpec = {
  match: `MATCH (n:${Label.MergeRecord})`,
  sortKey: 'n.mergedAt',
};
