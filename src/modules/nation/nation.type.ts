/** A nation (a sovereign state), identified by its ISO 3166-1 alpha-3 code. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NAME_ORDER_CHOICES, listOrder } from '../common/list-order';
import { NameFilterType } from '../common/name-filter.type';
import { Reported } from '../corroboration/reported.interface';
import { Actor, Node } from '../node/node.interface';

@ObjectType({ implements: [Node, Actor, Reported] })
export class Nation extends Actor {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  declare name: string;

  @Field(() => [String])
  declare aliases: string[];

  @Field(() => String, { description: 'ISO 3166-1 alpha-3 code, upper case (GBR).' })
  iso3: string;

  @Field(() => String, { nullable: true, description: 'Wikidata item id (Q145), when known.' })
  wikidata: string | null;
}

export const NationConnection = ConnectionType(Nation, 'Nation');

export const NationOrder = listOrder(
  'NationOrder',
  'How `nations` are ordered.',
  NAME_ORDER_CHOICES,
  'NAME_ASC',
);
export type NationOrder = keyof typeof NAME_ORDER_CHOICES;

export const NationFilter = NameFilterType(
  'NationFilter',
  'Words of the name or any alias, case- and accent-insensitive ("Kiev" finds Ukraine).',
);
export type NationFilter = InstanceType<typeof NationFilter>;
