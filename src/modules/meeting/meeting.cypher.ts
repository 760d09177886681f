/** Cypher specs for meetings: the filtered listing and relations to actors, place, topics, statements. */
import { actorLabelForId, Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { nameMatch } from '../common/name-filter.cypher';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface MeetingCriteria {
  from: string | null;
  to: string | null;
  place: string | null;
  participant: string | null;
  chair: string | null;
  topic: string | null;
  status: string | null;
}

/** Matches nothing, for filters naming an id that can't be an actor: an empty result, not an error. */
const NOTHING: RootPageSpec = { match: `MATCH (n:${Label.Meeting}) WHERE false`, sortKey: 'n.date' };

/**
 * Starts from the most selective anchor (an actor id, a topic, a place) and joins the rest on `n`,
 * so every filter is served by an index rather than a scan of all meetings.
 */
export function meetingsQuery(criteria: MeetingCriteria): RootPageSpec {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const meeting = () => (clauses.length === 0 ? `(n:${Label.Meeting})` : '(n)');

  if (criteria.participant) {
    const label = actorLabelForId(criteria.participant);
    if (!label) return NOTHING;
    // A nation took part when it, or one of its officials, attended or chaired.
    clauses.push(
      `MATCH (:${label} {id: $participant})<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})-[:${Rel.ATTENDED}|${Rel.CHAIRED}]->${meeting()}`,
    );
    params.participant = criteria.participant;
  }
  if (criteria.chair) {
    const label = actorLabelForId(criteria.chair);
    if (!label) return NOTHING;
    clauses.push(
      `MATCH (:${label} {id: $chair})<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})-[:${Rel.CHAIRED}]->${meeting()}`,
    );
    params.chair = criteria.chair;
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    clauses.push(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${meeting()}`);
    Object.assign(params, topic.params);
  }
  if (criteria.place != null) {
    const place = nameMatch(Label.Place, 'pl', criteria.place, 'place');
    clauses.push(
      `${place.cypher} MATCH (pl)<-[:${Rel.WITHIN}*0..5]-(:${Label.Place})<-[:${Rel.HELD_AT}]-${meeting()}`,
    );
    Object.assign(params, place.params);
  }
  const conditions: string[] = [];
  if (criteria.from) {
    conditions.push('n.date >= $from');
    params.from = criteria.from;
  }
  if (criteria.to) {
    conditions.push('n.date <= $to');
    params.to = criteria.to;
  }
  if (criteria.status) {
    conditions.push('n.status = $status');
    params.status = criteria.status;
  }
  if (clauses.length === 0) {
    // No anchor: the conditions go straight on the MATCH so the planner can seek the range index.
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    return {
      match: `MATCH (n:${Label.Meeting})${where}`,
      params,
      sortKey: 'n.date',
      indexedOrder: { label: Label.Meeting, property: 'date', where: conditions.join(' AND ') || undefined },
    };
  }
  const where = conditions.length > 0 ? ` WITH DISTINCT n WHERE ${conditions.join(' AND ')}` : '';
  return { match: `${clauses.join(' ')}${where}`, params, sortKey: 'n.date' };
}

function meetingRelation(
  name: string,
  path: Pick<RelationSpec, 'pattern' | 'singleHop'>,
  sortKey = byProperty('sortName'),
): RelationSpec {
  return { name: `Meeting.${name}`, parentLabel: Label.Meeting, ...path, sortKey };
}

export const MEETING_PLACE = meetingRelation('place', outgoing(Rel.HELD_AT, Label.Place));
export const MEETING_CONVENED_BY = meetingRelation('convenedBy', incoming(Rel.CONVENED, Label.Organization));
export const MEETING_CHAIRS = meetingRelation('chairs', incoming(Rel.CHAIRED, Label.Actor));
export const MEETING_PARTICIPANTS = meetingRelation('participants', incoming(Rel.ATTENDED, Label.Actor));
export const MEETING_TOPICS = meetingRelation('topics', outgoing(Rel.ABOUT, Label.Topic));
export const MEETING_STATEMENTS = meetingRelation(
  'statements',
  incoming(Rel.MADE_AT, Label.Statement),
  byProperty('id'),
);
export const MEETING_SOURCES = meetingRelation(
  'sources',
  {
    pattern: ({ parent, node }) =>
      `(${parent})-[:${Rel.EVIDENCED_BY}]->(:${Label.Evidence})-[:${Rel.EXCERPT_OF}]->(${node}:${Label.Source})`,
    singleHop: false,
  },
  byProperty('publishedAt'),
);
