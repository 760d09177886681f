/** Cypher specs for positions: the filtered listing and relations to holder, topic and statements. */
import { Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';
import type { IndexedWalks, RootPageSpec } from '../../graph/page-spec';
import { POSITION_TOPIC_ID } from '../../graph/position-topic.cypher';
import { Stance as StanceFormat } from '../../ingest/document.format';
import { FilteredListing } from '../common/filtered-listing.cypher';
import type { CorroborationCriteria } from '../corroboration/corroboration-criteria';
import { corroborationConditions } from '../corroboration/corroboration-filter.cypher';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface PositionCriteria {
  /** minSources, minReliability, maxCredibility; none when omitted. */
  corroboration?: CorroborationCriteria;
  stances: string[] | null;
  holder: string | null;
  topic: string | null;
}

/**
 * Anchored on a holder or topic (see FilteredListing), else on the stance index; with neither,
 * every position read along the sortDate index (its date, or '' when undated, so undated ones
 * come first exactly as the sort by date did). A topic without a holder is read along the
 * (topicId, stance, sortDate) index instead, a page per topic and stance (topicWalks): the
 * anchored match stays the listing's definition, and what counts it.
 */
export function positionsQuery(criteria: PositionCriteria): RootPageSpec {
  const spec = anchoredPositions(criteria);
  if (criteria.topic == null || criteria.holder) return spec;
  const walks = topicWalks(criteria.topic, criteria.stances, criteria.corroboration);
  return { ...spec, params: { ...spec.params, ...walks.params }, indexedWalks: walks.walks };
}

/**
 * One walk per topic of `topic` (narrower ones included) and stance asked for (every stance when
 * none is): a position has one topic and one stance, so the walks never overlap.
 */
function topicWalks(
  topic: string,
  stances: string[] | null,
  corroboration: CorroborationCriteria | undefined,
): { walks: IndexedWalks; params: Record<string, unknown> } {
  const topics = topicWithNarrower(topic, 't');
  const walkStances = stances && stances.length > 0 ? [...new Set(stances)] : [...StanceFormat.options];
  const conditions = corroboration ? corroborationConditions(corroboration) : { conditions: [], params: {} };
  return {
    walks: {
      walks: `${topics.cypher} WITH collect(DISTINCT t.id) AS topicIds
    UNWIND topicIds AS topicId UNWIND $walkStances AS stance`,
      along: [{ pattern: `(n:${Label.Position})`, entity: 'n' }],
      equal: [
        { property: POSITION_TOPIC_ID, variable: 'topicId' },
        { property: 'stance', variable: 'stance' },
      ],
      property: 'sortDate',
      where: conditions.conditions.length > 0 ? conditions.conditions.join(' AND ') : undefined,
    },
    params: { ...topics.params, ...conditions.params, walkStances },
  };
}

function anchoredPositions(criteria: PositionCriteria): RootPageSpec {
  const listing = new FilteredListing(Label.Position, 'sortDate');
  if (criteria.holder) {
    listing.anchorOnActor('holder', criteria.holder, (actor) => `${actor}-[:${Rel.TOOK}]->${listing.node()}`);
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    listing.anchor(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${listing.node()}`, topic.params);
  }
  if (criteria.stances && criteria.stances.length > 0) {
    const stances = { stances: [...new Set(criteria.stances)] };
    if (listing.anchored) listing.where('n.stance IN $stances', stances);
    else listing.anchor(`MATCH ${listing.node()} WHERE n.stance IN $stances`, stances);
  }
  if (criteria.corroboration) listing.whereCorroborated(corroborationConditions(criteria.corroboration));
  return listing.spec();
}

export const POSITION_HOLDER = relationSpec(Label.Position, 'holder', incoming(Rel.TOOK, Label.Actor));
export const POSITION_TOPIC = relationSpec(Label.Position, 'topic', outgoing(Rel.ABOUT, Label.Topic));
export const POSITION_STATEMENTS = relationSpec(
  Label.Position,
  'statements',
  outgoing(Rel.EXPRESSED_IN, Label.Statement),
  byProperty('id'),
);
