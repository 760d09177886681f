/** Cypher specs for topics and the taxonomy. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import { nameMatch } from '../common/name-filter.cypher';
import { namedListing } from '../common/named-listing.cypher';

/** How deep "narrower topics included" reaches; the taxonomy is shallow by design. */
export const TAXONOMY_DEPTH = 5;

export function topicsQuery(filter: { name?: string | null }): RootPageSpec {
  return namedListing(Label.Topic, filter);
}

/**
 * Binds `variable` to every topic matching `text` by name or alias, and every topic narrower than
 * one of those: the rule behind every `topic` filter.
 */
export function topicWithNarrower(text: string, variable: string, param = 'topic') {
  const match = nameMatch(Label.Topic, `${variable}Root`, text, param);
  return {
    cypher: `${match.cypher} MATCH (${variable}Root)<-[:${Rel.BROADER}*0..${TAXONOMY_DEPTH}]-(${variable}:${Label.Topic})`,
    params: match.params,
  };
}

export const TOPIC_BROADER: RelationSpec = {
  name: 'Topic.broader',
  parentLabel: Label.Topic,
  ...outgoing(Rel.BROADER, Label.Topic),
  sortKey: byProperty('sortName'),
};

export const TOPIC_NARROWER: RelationSpec = {
  name: 'Topic.narrower',
  parentLabel: Label.Topic,
  ...incoming(Rel.BROADER, Label.Topic),
  sortKey: byProperty('sortName'),
};

function aboutTopic(name: string, target: Label): RelationSpec {
  return {
    name: `Topic.${name}`,
    parentLabel: Label.Topic,
    pattern: ({ parent, node }) =>
      `(${parent})<-[:${Rel.BROADER}*0..${TAXONOMY_DEPTH}]-(:${Label.Topic})<-[:${Rel.ABOUT}]-(${node}:${target})`,
    singleHop: false,
    sortKey: byProperty('date'),
  };
}

export const TOPIC_POSITIONS = aboutTopic('positions', Label.Position);
export const TOPIC_STATEMENTS = aboutTopic('statements', Label.Statement);
export const TOPIC_MEETINGS = aboutTopic('meetings', Label.Meeting);
