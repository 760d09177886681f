/** Cypher specs for statements: the filtered listing and relations to speaker, meeting, topics, positions. */
import { Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';
import type { RootPageSpec } from '../../graph/page-spec';
import { visible } from '../../graph/visible';
import { FULLTEXT } from '../../graph/schema';
import { searchTerms } from '../../graph/text';
import { FilteredListing } from '../common/filtered-listing.cypher';
import type { CorroborationCriteria } from '../corroboration/corroboration-criteria';
import { corroborationConditions } from '../corroboration/corroboration-filter.cypher';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface StatementCriteria {
  /** minSources, minReliability, maxCredibility; none when omitted. */
  corroboration?: CorroborationCriteria;
  speaker: string | null;
  meeting: string | null;
  topic: string | null;
  text: string | null;
  kind: string | null;
}

/**
 * Anchored on a speaker, meeting, topic or words (see FilteredListing); with none, read along the
 * sortDate index (the date, or '' when undated, so undated ones come first exactly as the sort by
 * date did), a kind checked on the way. The count seeks the kind index.
 */
export function statementsQuery(criteria: StatementCriteria): RootPageSpec {
  const listing = new FilteredListing(Label.Statement, 'sortDate');
  if (criteria.speaker) {
    listing.anchorOnActor(
      'speaker',
      criteria.speaker,
      (actor) => `${actor}-[:${Rel.SAID}]->${listing.node()}`,
    );
  }
  if (criteria.meeting) {
    // A retracted meeting lists nothing, as it is NOT_FOUND everywhere else.
    listing.anchor(
      `MATCH (m:${Label.Meeting} {id: $meeting}) WHERE ${visible('m')} MATCH (m)<-[:${Rel.MADE_AT}]-${listing.node()}`,
      { meeting: criteria.meeting },
    );
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    listing.anchor(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${listing.node()}`, topic.params);
  }
  if (criteria.text != null) {
    const terms = searchTerms(criteria.text, 'text');
    const joined = listing.anchored;
    // All words must appear; the index holds the folded statement text.
    listing.anchor(
      `CALL db.index.fulltext.queryNodes('${FULLTEXT.search}', $text) YIELD node AS hit WITH ${joined ? 'n, ' : ''}hit WHERE hit:${Label.Statement}${joined ? ' AND hit = n' : ''} WITH hit AS n`,
      { text: terms.map((term) => `bodyText:${term}`).join(' AND ') },
    );
  }
  if (criteria.kind) listing.where('n.kind = $kind', { kind: criteria.kind });
  if (criteria.corroboration) listing.whereCorroborated(corroborationConditions(criteria.corroboration));
  return listing.spec();
}

export const STATEMENT_SPEAKER = relationSpec(Label.Statement, 'speaker', incoming(Rel.SAID, Label.Actor));
export const STATEMENT_MEETING = relationSpec(
  Label.Statement,
  'meeting',
  outgoing(Rel.MADE_AT, Label.Meeting),
  byProperty('date'),
);
export const STATEMENT_TOPICS = relationSpec(Label.Statement, 'topics', outgoing(Rel.ABOUT, Label.Topic));
export const STATEMENT_POSITIONS = relationSpec(
  Label.Statement,
  'positions',
  incoming(Rel.EXPRESSED_IN, Label.Position),
  byProperty('id'),
);
