/** Cypher specs for places. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec } from '../../graph/page-spec';
import { byProperty, outgoing } from '../../graph/relation-pattern';

export const PLACE_COUNTRY: RelationSpec = {
  name: 'Place.country',
  parentLabel: Label.Place,
  pattern: ({ parent, node }) =>
    `(${parent})-[:${Rel.WITHIN}*0..5]->(:${Label.Place})-[:${Rel.IN_COUNTRY}]->(${node}:${Label.Nation})`,
  singleHop: false,
  sortKey: byProperty('sortName'),
};

export const PLACE_WITHIN: RelationSpec = {
  name: 'Place.within',
  parentLabel: Label.Place,
  ...outgoing(Rel.WITHIN, Label.Place),
  sortKey: byProperty('sortName'),
};

export const PLACE_MEETINGS: RelationSpec = {
  name: 'Place.meetings',
  parentLabel: Label.Place,
  pattern: ({ parent, node }) =>
    `(${parent})<-[:${Rel.WITHIN}*0..5]-(:${Label.Place})<-[:${Rel.HELD_AT}]-(${node}:${Label.Meeting})`,
  singleHop: false,
  sortKey: byProperty('date'),
};
