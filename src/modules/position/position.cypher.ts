/** Cypher specs for positions: the filtered listing and relations to holder, topic and statements. */
import { actorLabelForId, Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface PositionCriteria {
  stances: string[] | null;
  holder: string | null;
  topic: string | null;
}

const NOTHING: RootPageSpec = { match: `MATCH (n:${Label.Position}) WHERE false`, sortKey: 'n.date' };

export function positionsQuery(criteria: PositionCriteria): RootPageSpec {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const position = () => (clauses.length === 0 ? `(n:${Label.Position})` : '(n)');

  if (criteria.holder) {
    const label = actorLabelForId(criteria.holder);
    if (!label) return NOTHING;
    clauses.push(`MATCH (:${label} {id: $holder})-[:${Rel.TOOK}]->${position()}`);
    params.holder = criteria.holder;
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    clauses.push(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${position()}`);
    Object.assign(params, topic.params);
  }
  let where = '';
  if (criteria.stances && criteria.stances.length > 0) {
    params.stances = [...new Set(criteria.stances)];
    if (clauses.length === 0) {
      // Anchored on the stance index.
      clauses.push(`MATCH (n:${Label.Position}) WHERE n.stance IN $stances`);
    } else {
      where = ' WITH DISTINCT n WHERE n.stance IN $stances';
    }
  }
  if (clauses.length === 0) {
    // Every position, read along the sortDate index (its date, or '' when undated, so undated ones
    // come first exactly as the sort by date did).
    return {
      match: `MATCH (n:${Label.Position})`,
      sortKey: 'n.sortDate',
      indexedOrder: { label: Label.Position, property: 'sortDate' },
    };
  }
  return { match: `${clauses.join(' ')}${where}`, params, sortKey: 'n.date' };
}

function positionRelation(
  name: string,
  path: Pick<RelationSpec, 'pattern' | 'singleHop'>,
  sortKey = byProperty('sortName'),
): RelationSpec {
  return { name: `Position.${name}`, parentLabel: Label.Position, ...path, sortKey };
}

export const POSITION_HOLDER = positionRelation('holder', incoming(Rel.TOOK, Label.Actor));
export const POSITION_TOPIC = positionRelation('topic', outgoing(Rel.ABOUT, Label.Topic));
export const POSITION_STATEMENTS = positionRelation(
  'statements',
  outgoing(Rel.EXPRESSED_IN, Label.Statement),
  byProperty('id'),
);
