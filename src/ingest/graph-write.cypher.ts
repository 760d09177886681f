/**
 * Pure builders for the loader's batched writes: one UNWIND statement per label or relationship
 * type, MERGE on ids so a reload changes nothing. Labels and types come from graph/model constants.
 */
import { cypher, type CypherQuery } from '../graph/cypher';
import { isActorLabel, isNamedLabel, Label, Rel } from '../graph/model';
import { setTopicId } from '../graph/position-topic.cypher';
import {
  isTimelineFact,
  isTimelineLink,
  refreshTimelineKeys,
  setTimelineCopies,
} from '../graph/timeline-links.cypher';

/** A node to write: its id, the properties to set, and the evidence that backs it. */
export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
  evidence: string[];
  /** Named entities: an upsert's name replaces the stored one (which becomes an alias); a load keeps it. */
  replaceName?: boolean;
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

/** One source's value of one attribute of a fact (see docs/corroboration.md, "Claims"). */
export interface ClaimRow {
  id: string;
  factId: string;
  field: string;
  value: string;
  number: number | null;
  unit: string | null;
  approximate: boolean;
  evidence: string[];
}

/** Claims of one source about meetings; a re-import of the source replaces its own values. */
export function mergeClaimsQuery(rows: readonly ClaimRow[], sourceId: string): CypherQuery {
  return cypher(
    `MATCH (s:${Label.Source} {id: $sourceId})
UNWIND $rows AS row
MATCH (f:${Label.Meeting} {id: row.factId})
MERGE (c:${Label.Claim} {id: row.id})
SET c.field = row.field, c.value = row.value, c.number = row.number, c.unit = row.unit,
    c.approximate = row.approximate, c.sourceId = s.id, c.publishedAt = s.publishedAt
MERGE (c)-[:${Rel.CLAIM_ABOUT}]->(f)
MERGE (c)-[:${Rel.CLAIMED_IN}]->(s)
WITH c, row
UNWIND row.evidence AS evidenceId
MATCH (e:${Label.Evidence} {id: evidenceId})
MERGE (c)-[:${Rel.EVIDENCED_BY}]->(e)`,
    { rows: [...rows], sourceId },
  );
}

/**
 * The stored state of these ids: properties, and how many relationships the node has (read from
 * the degree the store keeps, so cheap even for a nation in thousands of meetings). Read before
 * and after a write, the two tell whether the write changed a node: the change log's test.
 */
export function existingNodesQuery(label: Label, ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, properties(n) AS props, COUNT { (n)--() } AS degree`,
    { ids: [...ids] },
  );
}

export function sourceStateQuery(sourceId: string): CypherQuery {
  return cypher(
    `OPTIONAL MATCH (s:${Label.Source} {id: $id}) RETURN s IS NOT NULL AS exists, s.contentHash AS contentHash, s.text AS text`,
    { id: sourceId },
  );
}

/**
 * Links source `s` to its publisher (created on first use; unique by id, so racing imports create
 * one), replacing a link to another publisher. Needs `$publisher` ({id, key, name}) in the params.
 */
export const LINK_PUBLISHER = `WITH s
MERGE (p:${Label.Publisher} {id: $publisher.id})
ON CREATE SET p.name = $publisher.name, p.key = $publisher.key
MERGE (s)-[:${Rel.PUBLISHED_BY}]->(p)
WITH s, p
OPTIONAL MATCH (s)-[old:${Rel.PUBLISHED_BY}]->(other:${Label.Publisher}) WHERE other <> p
DELETE old`;

export function mergeSourceQuery(
  props: Record<string, unknown> & { id: string },
  publisher: { id: string; key: string; name: string },
): CypherQuery {
  return cypher(`MERGE (s:${Label.Source} {id: $props.id}) SET s += $props\n${LINK_PUBLISHER}`, {
    props,
    publisher,
  });
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

const NAME_FIELDS = ['name', 'aliases', 'nameText', 'sortName'];

/**
 * Names and aliases are merged inside the statement, under the node's write lock, so concurrent
 * loads that add aliases to the same entity can't overwrite each other's additions.
 */
const MERGE_NAMES = `WITH s, n, row, n.name AS previous
SET n.name = CASE WHEN previous IS NULL OR row.replaceName THEN row.names.name ELSE previous END,
    n.sortName = CASE WHEN previous IS NULL OR row.replaceName THEN row.names.sortName ELSE n.sortName END
WITH s, n, row, row.names.aliases + [row.names.name] + CASE WHEN previous IS NULL THEN [] ELSE [previous] END AS candidates
SET n.aliases = [a IN reduce(acc = coalesce(n.aliases, []), c IN candidates | CASE WHEN c IN acc THEN acc ELSE acc + c END) WHERE a <> n.name],
    n.nameText = reduce(t = coalesce(n.nameText, ''), f IN row.names.folded |
      CASE WHEN f IN split(t, '\n') THEN t WHEN t = '' THEN f ELSE t + '\n' + f END)`;

function namedRow(row: NodeRow) {
  const props = Object.fromEntries(Object.entries(row.props).filter(([key]) => !NAME_FIELDS.includes(key)));
  const nameText = String(row.props.nameText ?? '');
  return {
    id: row.id,
    props,
    evidence: row.evidence,
    replaceName: row.replaceName ?? false,
    names: {
      name: row.props.name,
      aliases: row.props.aliases ?? [],
      sortName: row.props.sortName,
      folded: nameText === '' ? [] : nameText.split('\n'),
    },
  };
}

/**
 * The source `s` states node `n`: the first time, `n` counts one more source, and its publisher
 * and report dates (docs/corroboration.md). Under the node's write lock, so counts never race.
 */
export const COUNT_MENTION = `MERGE (s)-[:${Rel.MENTIONS}]->(n)
ON CREATE SET n.sourceCount = coalesce(n.sourceCount, 0) + 1,
  n.publishers = CASE WHEN s.publisherKey IN coalesce(n.publishers, []) THEN n.publishers
    ELSE coalesce(n.publishers, []) + s.publisherKey END,
  n.firstReported = CASE WHEN n.firstReported IS NULL OR s.publishedAt < n.firstReported THEN s.publishedAt ELSE n.firstReported END,
  n.lastReported = CASE WHEN n.lastReported IS NULL OR s.publishedAt > n.lastReported THEN s.publishedAt ELSE n.lastReported END
SET n.publisherCount = size(n.publishers)`;

/**
 * Recounts node `n`'s corroboration from every source that states it: for merges, their undoing,
 * and graphs written before the counts existed.
 */
export const RECOUNT_MENTIONS = `CALL (n) {
  OPTIONAL MATCH (n)<-[:${Rel.MENTIONS}]-(s:${Label.Source})
  WITH n, count(s) AS sources, collect(DISTINCT s.publisherKey) AS publishers,
       min(s.publishedAt) AS first, max(s.publishedAt) AS last
  SET n.sourceCount = sources, n.publishers = publishers, n.publisherCount = size(publishers),
      n.firstReported = first, n.lastReported = last
}`;

/** MERGE nodes of one label, set their properties, link their evidence and the source that mentions them. */
export function mergeNodesQuery(label: Label, rows: readonly NodeRow[], sourceId: string): CypherQuery {
  const actor = isActorLabel(label) ? `SET n:${Label.Actor}` : '';
  const named = isNamedLabel(label);
  return cypher(
    `MATCH (s:${Label.Source} {id: $sourceId})
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
${actor}
SET n += row.props${isTimelineFact(label) ? `\nWITH s, n, row\n${refreshTimelineKeys('n')}` : ''}
${named ? MERGE_NAMES : ''}
${COUNT_MENTION}
WITH n, row
UNWIND row.evidence AS evidenceId
MATCH (e:${Label.Evidence} {id: evidenceId})
MERGE (n)-[:${Rel.EVIDENCED_BY}]->(e)`,
    { rows: named ? rows.map(namedRow) : [...rows], sourceId },
  );
}

/**
 * The property a merge sets on a link it gave the kept node (modules/curation): the record's id.
 * A document that states the link again removes it, so undoing the merge leaves that link on keep.
 */
export const MOVED_BY_MERGE = 'movedByMerge';

/**
 * MERGE relationships of one type between two labels; evidence ids accumulate across documents.
 * Stating a link clears a merge's mark on it (MOVED_BY_MERGE): it no longer rests on the merge alone.
 * A position's topic is also copied onto the position (position-topic.cypher.ts), the link it
 * replaces (if any) removed earlier in the same transaction (removeOtherLinksQuery); a link from an
 * actor to a fact of its timeline gets its copies of their id and key (timeline-links.cypher.ts).
 */
export function mergeRelationshipsQuery(
  fromLabel: Label,
  type: Rel,
  toLabel: Label,
  rows: readonly RelationshipRow[],
): CypherQuery {
  const positionTopic = fromLabel === Label.Position && type === Rel.ABOUT ? `\n${setTopicId('a')}` : '';
  const timeline =
    isActorLabel(fromLabel) && isTimelineLink(type) ? `\n${setTimelineCopies('r', 'a', 'b')}` : '';
  return cypher(
    `UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r.evidence = reduce(acc = coalesce(r.evidence, []), id IN row.evidence | CASE WHEN id IN acc THEN acc ELSE acc + id END)
REMOVE r.${MOVED_BY_MERGE}${positionTopic}${timeline}`,
    { rows: [...rows] },
  );
}

/**
 * Links a record can have only one of: an official's nation, a statement's speaker, a position's
 * holder and topic, a meeting's place... `owner` is the end whose field it is (a statement has one
 * speaker; a speaker has many statements), and `field` that field's name in the import format.
 */
export interface SingleLink {
  type: Rel;
  owner: 'from' | 'to';
  ownerLabel: Label;
  field: string;
}

export const SINGLE_LINKS: readonly SingleLink[] = [
  { type: Rel.NATIONAL_OF, owner: 'from', ownerLabel: Label.Official, field: 'nation' },
  { type: Rel.HOLDS_ROLE, owner: 'to', ownerLabel: Label.Role, field: 'official' },
  { type: Rel.ROLE_FOR_NATION, owner: 'from', ownerLabel: Label.Role, field: 'nation' },
  { type: Rel.ROLE_IN, owner: 'from', ownerLabel: Label.Role, field: 'organization' },
  { type: Rel.IN_COUNTRY, owner: 'from', ownerLabel: Label.Place, field: 'country' },
  { type: Rel.WITHIN, owner: 'from', ownerLabel: Label.Place, field: 'within' },
  { type: Rel.BROADER, owner: 'from', ownerLabel: Label.Topic, field: 'broader' },
  { type: Rel.HELD_AT, owner: 'from', ownerLabel: Label.Meeting, field: 'place' },
  { type: Rel.SAID, owner: 'to', ownerLabel: Label.Statement, field: 'speaker' },
  { type: Rel.MADE_AT, owner: 'from', ownerLabel: Label.Statement, field: 'meeting' },
  { type: Rel.TOOK, owner: 'to', ownerLabel: Label.Position, field: 'holder' },
  { type: Rel.ABOUT, owner: 'from', ownerLabel: Label.Position, field: 'topic' },
];

/** The single link a group of relationship rows sets, if its type and owner label make it one. */
export function singleLinkOf(group: { fromLabel: Label; type: Rel; toLabel: Label }): SingleLink | undefined {
  return SINGLE_LINKS.find(
    (link) =>
      link.type === group.type &&
      link.ownerLabel === (link.owner === 'from' ? group.fromLabel : group.toLabel),
  );
}

function otherLinksMatch(link: SingleLink): string {
  const arrow = link.owner === 'from' ? `-[r:${link.type}]->` : `<-[r:${link.type}]-`;
  return `UNWIND $rows AS row
MATCH (o:${link.ownerLabel} {id: row.owner})${arrow}(other)
WHERE other.id <> row.other`;
}

/** Links already stored to something other than what the rows say: `{type, owner, here, there}`. */
export function otherLinksQuery(
  link: SingleLink,
  rows: readonly { owner: string; other: string }[],
): CypherQuery {
  return cypher(
    `${otherLinksMatch(link)}\nRETURN type(r) AS type, row.owner AS owner, row.other AS here, other.id AS there`,
    { rows: [...rows] },
  );
}

/** Removes those links, so a correction replaces the old value instead of adding a second one. */
export function removeOtherLinksQuery(
  link: SingleLink,
  rows: readonly { owner: string; other: string }[],
): CypherQuery {
  return cypher(`${otherLinksMatch(link)}\nDELETE r`, { rows: [...rows] });
}

/**
 * Topics among `topicIds` whose broader chain leads back to themselves, with the chain. A topic has
 * one broader topic (a single link), so each chain is a simple path: following it to the end costs
 * its length, and no depth bound is needed to catch a long cycle.
 */
export function topicCyclesQuery(topicIds: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH path = (t:${Label.Topic} {id: id})-[:${Rel.BROADER}*1..]->(t)
WITH id, path LIMIT 1
RETURN id AS topic, [n IN nodes(path) | n.id] AS chain`,
    { ids: [...new Set(topicIds)] },
  );
}
