/** Cypher specs for meetings: the filtered listing and relations to actors, place, topics, statements. */
import { actorLabelForId, Label, Rel } from '../../graph/model';
import { actorLinkWalks } from '../../graph/timeline-links.cypher';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';
import type { RootPageSpec } from '../../graph/page-spec';
import { nameMatch } from '../common/name-filter.cypher';
import { FilteredListing } from '../common/filtered-listing.cypher';
import type { CorroborationCriteria } from '../corroboration/corroboration-criteria';
import { corroborationConditions } from '../corroboration/corroboration-filter.cypher';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface MeetingCriteria {
  /** minSources, minReliability, maxCredibility; none when omitted. */
  corroboration?: CorroborationCriteria;
  from: string | null;
  to: string | null;
  place: string | null;
  participant: string | null;
  chair: string | null;
  topic: string | null;
  status: string | null;
}

/**
 * Starts from the most selective anchor (an actor id, a topic, a place); see FilteredListing. The
 * meetings of one participant or chair, with no topic or place, are read along the actors' link
 * indexes instead, a page per actor and link type (actorLinkWalks): the anchored match stays the
 * listing's definition, and what counts it.
 */
export function meetingsQuery(criteria: MeetingCriteria): RootPageSpec {
  const spec = anchoredMeetings(criteria);
  const actorId = criteria.participant ?? criteria.chair;
  const label = actorId ? actorLabelForId(actorId) : undefined;
  const oneActor = (criteria.participant === null) !== (criteria.chair === null);
  if (!actorId || !label || !oneActor || criteria.topic != null || criteria.place != null) return spec;
  const conditions = [
    ...(criteria.status ? ['n.status = $status'] : []),
    ...(criteria.corroboration ? corroborationConditions(criteria.corroboration).conditions : []),
  ];
  const types = criteria.participant ? [Rel.ATTENDED, Rel.CHAIRED] : [Rel.CHAIRED];
  return {
    ...spec,
    indexedWalks: {
      ...actorLinkWalks(label, criteria.participant ? 'participant' : 'chair', types),
      // A meeting's key is its date, so the date range is sought in the index.
      range: {
        atLeast: criteria.from ? '$from' : undefined,
        atMost: criteria.to ? '$to' : undefined,
      },
      where: conditions.length > 0 ? conditions.join(' AND ') : undefined,
    },
  };
}

function anchoredMeetings(criteria: MeetingCriteria): RootPageSpec {
  const listing = new FilteredListing(Label.Meeting, 'date');
  if (criteria.participant) {
    // A nation took part when it, or one of its officials, attended or chaired.
    listing.anchorOnActor(
      'participant',
      criteria.participant,
      (actor) =>
        `${actor}<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})-[:${Rel.ATTENDED}|${Rel.CHAIRED}]->${listing.node()}`,
    );
  }
  if (criteria.chair) {
    listing.anchorOnActor(
      'chair',
      criteria.chair,
      (actor) =>
        `${actor}<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})-[:${Rel.CHAIRED}]->${listing.node()}`,
    );
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    listing.anchor(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${listing.node()}`, topic.params);
  }
  if (criteria.place != null) {
    const place = nameMatch(Label.Place, 'pl', criteria.place, 'place');
    listing.anchor(
      `${place.cypher} MATCH (pl)<-[:${Rel.WITHIN}*0..5]-(:${Label.Place})<-[:${Rel.HELD_AT}]-${listing.node()}`,
      place.params,
    );
  }
  if (criteria.from) listing.where('n.date >= $from', { from: criteria.from });
  if (criteria.to) listing.where('n.date <= $to', { to: criteria.to });
  if (criteria.status) listing.where('n.status = $status', { status: criteria.status });
  if (criteria.corroboration) listing.whereCorroborated(corroborationConditions(criteria.corroboration));
  return listing.spec();
}

export const MEETING_PLACE = relationSpec(Label.Meeting, 'place', outgoing(Rel.HELD_AT, Label.Place));
export const MEETING_CONVENED_BY = relationSpec(
  Label.Meeting,
  'convenedBy',
  incoming(Rel.CONVENED, Label.Organization),
);
export const MEETING_CHAIRS = relationSpec(Label.Meeting, 'chairs', incoming(Rel.CHAIRED, Label.Actor));
export const MEETING_PARTICIPANTS = relationSpec(
  Label.Meeting,
  'participants',
  incoming(Rel.ATTENDED, Label.Actor),
);
export const MEETING_TOPICS = relationSpec(Label.Meeting, 'topics', outgoing(Rel.ABOUT, Label.Topic));
export const MEETING_STATEMENTS = relationSpec(
  Label.Meeting,
  'statements',
  incoming(Rel.MADE_AT, Label.Statement),
  byProperty('id'),
);
export const MEETING_SOURCES = relationSpec(
  Label.Meeting,
  'sources',
  {
    pattern: ({ parent, node }) =>
      `(${parent})-[:${Rel.EVIDENCED_BY}]->(:${Label.Evidence})-[:${Rel.EXCERPT_OF}]->(${node}:${Label.Source})`,
    singleHop: false,
  },
  byProperty('publishedAt'),
);
