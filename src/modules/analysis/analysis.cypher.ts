/** Cypher for the analyst questions: who met whom, an actor's timeline, and stance counts on a topic. */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import { actorLinkWalks, TIMELINE_LINKS, timelineKey } from '../../graph/timeline-links.cypher';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { topicWithNarrower } from '../topic/topic.cypher';

/** An actor "is" itself plus, for a nation, its officials: Britain met whoever Healey met. */
export const SELF_OR_OFFICIALS = `<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})`;
const TOOK_PART = `${Rel.ATTENDED}|${Rel.CHAIRED}`;

export function coAttendanceQuery(label: ActorLabel, actorId: string, first: number): CypherQuery {
  return cypher(
    `MATCH (a:${label} {id: $actor})${SELF_OR_OFFICIALS}-[:${TOOK_PART}]->(m:${Label.Meeting})<-[:${TOOK_PART}]-(other:${Label.Actor})
WHERE ${visible('m')} AND other <> a AND NOT (other)-[:${Rel.NATIONAL_OF}]->(a)
WITH other, collect(DISTINCT m) AS meetings
WITH other, meetings, size(meetings) AS count
ORDER BY count DESC, other.sortName, other.id
LIMIT $first
RETURN properties(other) AS actor, count,
       [m IN meetings | properties(m)] AS meetings,
       reduce(acc = [], p IN [m IN meetings | head([(m)-[:${Rel.HELD_AT}]->(place:${Label.Place}) | properties(place)])] |
         CASE WHEN p IS NULL OR p IN acc THEN acc ELSE acc + p END) AS places`,
    { actor: actorId, first: int(first) },
  );
}

export function timelineQuery(
  label: ActorLabel,
  actorId: string,
  from: string | null,
  to: string | null,
): RootPageSpec {
  // Undated facts have no place in a date range, so a range leaves them out (a comparison with a
  // null date is never true); without one they come last ('~' sorts after every ISO date), so
  // nothing the actor did is silently missing.
  const conditions: string[] = [];
  if (from) conditions.push('n.date >= $from');
  if (to) conditions.push('n.date <= $to');
  return {
    ...timelineUnion(label, conditions),
    params: { actor: actorId, from, to },
    indexedWalks: {
      // Each actor's links of each type, read along their (actorId, timelineKey) index.
      ...actorLinkWalks(
        label,
        'actor',
        TIMELINE_LINKS.map((link) => link.type),
      ),
      range: { atLeast: from ? '$from' : undefined, atMost: to ? '$to' : undefined },
      where: conditions.length > 0 ? conditions.join(' AND ') : undefined,
    },
  };
}

/** The timeline as one union of every fact, sorted whole: the listing's definition, and its count. */
function timelineUnion(label: ActorLabel, conditions: string[]): Pick<RootPageSpec, 'match' | 'sortKey'> {
  return {
    match: `MATCH (a:${label} {id: $actor})
CALL (a) {
  MATCH (a)${SELF_OR_OFFICIALS}-[:${TOOK_PART}]->(n:${Label.Meeting}) RETURN n
  UNION
  MATCH (a)${SELF_OR_OFFICIALS}-[:${Rel.SAID}]->(n:${Label.Statement}) RETURN n
  UNION
  MATCH (a)${SELF_OR_OFFICIALS}-[:${Rel.TOOK}]->(n:${Label.Position}) RETURN n
}
WITH n${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    sortKey: timelineKey('n'),
  };
}

export function stanceSummaryQuery(topic: string): CypherQuery {
  const match = topicWithNarrower(topic, 't');
  return cypher(
    `${match.cypher}
MATCH (t)<-[:${Rel.ABOUT}]-(n:${Label.Position})<-[:${Rel.TOOK}]-(holder:${Label.Actor})
WHERE ${visible('n')}
WITH n.stance AS stance, collect(DISTINCT n) AS positions, collect(DISTINCT holder) AS holders
RETURN stance, size(positions) AS count, [h IN holders | properties(h)] AS holders
ORDER BY count DESC, stance`,
    match.params,
  );
}
