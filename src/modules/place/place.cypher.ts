/** Cypher specs for places. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec } from '../../graph/paging.cypher';
import { evidenceOf } from '../evidence/evidence.cypher';

export const PLACE_COUNTRY: RelationSpec = {
  name: 'Place.country',
  parentLabel: Label.Place,
  pattern: `(p)-[:${Rel.WITHIN}*0..5]->(:${Label.Place})-[:${Rel.IN_COUNTRY}]->(n:${Label.Nation})`,
  sortKey: 'n.sortName',
};

export const PLACE_WITHIN: RelationSpec = {
  name: 'Place.within',
  parentLabel: Label.Place,
  pattern: `(p)-[:${Rel.WITHIN}]->(n:${Label.Place})`,
  sortKey: 'n.sortName',
};

export const PLACE_MEETINGS: RelationSpec = {
  name: 'Place.meetings',
  parentLabel: Label.Place,
  pattern: `(p)<-[:${Rel.WITHIN}*0..5]-(:${Label.Place})<-[:${Rel.HELD_AT}]-(n:${Label.Meeting})`,
  sortKey: 'n.date',
};

export const PLACE_EVIDENCE = evidenceOf(Label.Place);
