/** The kinds of node an editor curates (merges, duplicates), as a GraphQL enum over graph labels. */
import { registerEnumType } from 'type-graphql';
import { Label } from '../../graph/model';
import type { MergeableLabel } from './merge.plan';

export enum EntityKind {
  NATION = 'NATION',
  OFFICIAL = 'OFFICIAL',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
  TOPIC = 'TOPIC',
  MEETING = 'MEETING',
  STATEMENT = 'STATEMENT',
  POSITION = 'POSITION',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'A kind of entity or fact.' });

export const LABEL_OF_KIND: Record<EntityKind, MergeableLabel> = {
  NATION: Label.Nation,
  OFFICIAL: Label.Official,
  ORGANIZATION: Label.Organization,
  PLACE: Label.Place,
  TOPIC: Label.Topic,
  MEETING: Label.Meeting,
  STATEMENT: Label.Statement,
  POSITION: Label.Position,
};
