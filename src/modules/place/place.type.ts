/** A place: a city, a venue (NATO headquarters), a region. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';

export enum PlaceKind {
  CITY = 'CITY',
  VENUE = 'VENUE',
  REGION = 'REGION',
  COUNTRY = 'COUNTRY',
  OTHER = 'OTHER',
}
registerEnumType(PlaceKind, { name: 'PlaceKind' });

@ObjectType({ implements: [Node] })
export class Place extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field(() => PlaceKind)
  kind: PlaceKind;
}
