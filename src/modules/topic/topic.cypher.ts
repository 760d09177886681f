/** Cypher specs for topics and the taxonomy. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec } from '../../graph/page-spec';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';
import { nameMatch } from '../common/name-filter.cypher';

/** How deep "narrower topics included" reaches; the taxonomy is shallow by design. */
export const TAXONOMY_DEPTH = 5;

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

export const TOPIC_BROADER = relationSpec(Label.Topic, 'broader', outgoing(Rel.BROADER, Label.Topic));

export const TOPIC_NARROWER = relationSpec(Label.Topic, 'narrower', incoming(Rel.BROADER, Label.Topic));

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
