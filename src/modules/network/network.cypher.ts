/**
 * The one statement behind every actor network: the weighted links of a period, aggregated in the
 * database, together with the network's nodes and the ids asked for that name no visible actor.
 * Only the links come from Cypher; the measures (betweenness, Louvain) are computed in the API
 * process (network-measures.ts), because Neo4j Community here has no GDS plugin to compute them.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { ACTOR_LABELS, Label, Rel } from '../../graph/model';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { TAXONOMY_DEPTH } from '../topic/topic.cypher';
import { NetworkKind } from './network.type';

/**
 * The most links, and the most nodes, one network may have. Bounds the answer, the statement's
 * output and the in-process measures (betweenness is O(nodes x links)); a larger network is refused
 * as BAD_USER_INPUT, never cut short.
 */
export const MAX_NETWORK_SIZE = 5_000;

/** Which links to read: all of the period's, those among some actors, or those touching some actors. */
export type NetworkScope =
  | { kind: 'all' }
  | { kind: 'among'; actorIds: readonly string[] }
  | { kind: 'touching'; actorIds: readonly string[] };

export interface NetworkQueryOptions {
  kind: NetworkKind;
  from: string | null;
  to: string | null;
  /** A topic id: only meetings or positions about it or a narrower topic. */
  topic: string | null;
  scope: NetworkScope;
}

/** A row of the statement: what it found, and the ids it was asked about that match no visible actor. */
export interface NetworkRow {
  missing: string[];
  /** The network node each id asked about counts as (an official with a nation: that nation). */
  memberIds: string[];
  topicFound: boolean;
  nodes: { id: string; name: string | null; type: string }[];
  edges: { source: string; target: string; weight: number }[];
}

const TOOK_PART = `${Rel.ATTENDED}|${Rel.CHAIRED}`;

/**
 * The node an actor counts as: an official with a nation on record is that nation (as in
 * coAttendance, a nation counts its officials), everyone else is itself. The smallest nation id
 * decides for an official with several, so the answer never depends on storage order.
 */
function networkNodeOf(actor: string): string {
  return `coalesce(head(COLLECT { MATCH (${actor})-[:${Rel.NATIONAL_OF}]->(nation:${Label.Nation}) RETURN nation ORDER BY nation.id LIMIT 1 }), ${actor})`;
}

/** One actor by id, through each actor label's unique id index (:Actor has none). */
const ACTOR_BY_ID = `head(COLLECT { ${ACTOR_LABELS.map(
  (label) => `MATCH (x:${label} {id: id}) RETURN x`,
).join(' UNION ')} })`;

/** The ids asked about: the nodes they count as, and those that name no visible actor. */
const MEMBERS = `CALL () {
  UNWIND $actorIds AS id
  WITH id, ${ACTOR_BY_ID} AS found
  WITH id, CASE WHEN found IS NOT NULL AND ${visible('found')} THEN found END AS actor
  WITH id, actor, CASE WHEN actor IS NOT NULL THEN ${networkNodeOf('actor')} END AS node
  RETURN collect(CASE WHEN actor IS NULL OR NOT (${visible('node')}) THEN id END) AS missing,
         collect(DISTINCT CASE WHEN ${visible('node')} THEN node END) AS members
}
WITH missing, members, [member IN members | member.id] AS memberIds`;

function dateConditions(variable: string, options: NetworkQueryOptions): string[] {
  const conditions: string[] = [];
  if (options.from) conditions.push(`${variable}.date >= $from`);
  if (options.to) conditions.push(`${variable}.date <= $to`);
  return conditions;
}

const ABOUT_TOPIC = (topic: string) =>
  `EXISTS { (${topic})-[:${Rel.BROADER}*0..${TAXONOMY_DEPTH}]->(:${Label.Topic} {id: $topic}) }`;

/**
 * Rows of (event, actor): a meeting and who took part, or a (topic, stance) and who took it. Two
 * actors of the same event are linked once for it. Undated positions have no place in a date range,
 * so a range leaves them out, as the timeline does.
 */
function eventsAndActors(options: NetworkQueryOptions): string {
  const fromMembers = options.scope.kind !== 'all';
  if (options.kind === NetworkKind.CO_ATTENDANCE) {
    const conditions = [visible('m'), visible('x'), ...dateConditions('m', options)];
    if (options.topic)
      conditions.push(`EXISTS { (m)-[:${Rel.ABOUT}]->(t:${Label.Topic}) WHERE ${ABOUT_TOPIC('t')} }`);
    const meetings = fromMembers
      ? `${MEMBER_OR_OFFICIAL}-[:${TOOK_PART}]->(m:${Label.Meeting})
  WITH DISTINCT m
  MATCH (m)`
      : `MATCH (m:${Label.Meeting})`;
    return `${meetings}<-[:${TOOK_PART}]-(x:${Label.Actor})
  WHERE ${conditions.join(' AND ')}
  WITH m AS event, x`;
  }
  const conditions = [visible('p'), visible('x'), ...dateConditions('p', options)];
  if (options.topic) conditions.push(ABOUT_TOPIC('t'));
  const stances = fromMembers
    ? `${MEMBER_OR_OFFICIAL}-[:${Rel.TOOK}]->(own:${Label.Position})-[:${Rel.ABOUT}]->(t:${Label.Topic})
  WITH DISTINCT t, own.stance AS stance
  MATCH (x:${Label.Actor})-[:${Rel.TOOK}]->(p:${Label.Position} {stance: stance})-[:${Rel.ABOUT}]->(t)`
    : `MATCH (x:${Label.Actor})-[:${Rel.TOOK}]->(p:${Label.Position})-[:${Rel.ABOUT}]->(t:${Label.Topic})`;
  return `${stances}
  WHERE ${conditions.join(' AND ')}
  WITH [t.id, p.stance] AS event, x`;
}

/**
 * For a network of some actors (a list, or an ego network's newest ring), the walk starts at them
 * and their officials: only their meetings and stances are read, not the whole period's. It only
 * narrows: every condition is still checked on the rows the walk yields.
 */
const MEMBER_OR_OFFICIAL = `UNWIND members AS member
  MATCH (member)<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})`;

export function networkQuery(options: NetworkQueryOptions): CypherQuery {
  const { scope } = options;
  const onlyAmong = scope.kind === 'among' ? ' AND node.id IN memberIds' : '';
  const touching = scope.kind === 'touching' ? ` AND (a.id IN memberIds OR b.id IN memberIds)` : '';
  const topicFound = options.topic
    ? `CALL () { OPTIONAL MATCH (topic:${Label.Topic} {id: $topic}) RETURN topic IS NOT NULL AS topicFound }`
    : 'WITH *, true AS topicFound';
  return cypher(
    `${MEMBERS}
${topicFound}
CALL (members, memberIds) {
  ${eventsAndActors(options)}
  WITH event, ${networkNodeOf('x')} AS node
  WITH event, node WHERE ${visible('node')}${onlyAmong}
  WITH event, collect(DISTINCT node) AS nodes
  UNWIND nodes AS a
  UNWIND nodes AS b
  WITH a, b WHERE a.id < b.id${touching}
  WITH a, b, count(*) AS weight
  // One more than the cap: enough to tell "too big" without sending the whole of a too-big network.
  LIMIT $limit
  RETURN collect({source: a.id, target: b.id, weight: weight}) AS edges, collect(a) + collect(b) AS ends
}
CALL (members, ends) {
  UNWIND members + ends AS n
  WITH DISTINCT n
  RETURN collect({id: n.id, name: n.name, type: head([label IN labels(n) WHERE label IN $actorLabels])}) AS nodes
}
RETURN missing, memberIds, topicFound, nodes, edges`,
    {
      actorIds: scope.kind === 'all' ? [] : [...scope.actorIds],
      from: options.from,
      to: options.to,
      topic: options.topic,
      limit: int(MAX_NETWORK_SIZE + 1),
      actorLabels: [...ACTOR_LABELS],
    },
  );
}
