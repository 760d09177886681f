/** Cypher specs for places. */
import { Label, Rel } from '../../graph/model';
import { byProperty, outgoing, relationSpec } from '../../graph/relation-spec';

export const PLACE_COUNTRY = relationSpec(Label.Place, 'country', {
  pattern: ({ parent, node }) =>
    `(${parent})-[:${Rel.WITHIN}*0..5]->(:${Label.Place})-[:${Rel.IN_COUNTRY}]->(${node}:${Label.Nation})`,
  singleHop: false,
});

export const PLACE_WITHIN = relationSpec(Label.Place, 'within', outgoing(Rel.WITHIN, Label.Place));

export const PLACE_MEETINGS = relationSpec(
  Label.Place,
  'meetings',
  {
    pattern: ({ parent, node }) =>
      `(${parent})<-[:${Rel.WITHIN}*0..5]-(:${Label.Place})<-[:${Rel.HELD_AT}]-(${node}:${Label.Meeting})`,
    singleHop: false,
  },
  byProperty('date'),
);
