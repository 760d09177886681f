/** An official (a person in office) and the roles they hold. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NAME_ORDER_CHOICES, listOrder } from '../common/list-order';
import { NameFilterType } from '../common/name-filter.type';
import { DateScalar } from '../common/scalars';
import { Reported } from '../corroboration/reported.interface';
import { Actor, Node } from '../node/node.interface';

@ObjectType({ implements: [Node, Actor, Reported] })
export class Official extends Actor {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  declare name: string;

  @Field(() => [String])
  declare aliases: string[];

  @Field(() => String, { nullable: true, description: 'Wikidata item id, when known.' })
  wikidata: string | null;
}

export const OfficialConnection = ConnectionType(Official, 'Official');

export const OfficialOrder = listOrder(
  'OfficialOrder',
  'How `officials` are ordered.',
  NAME_ORDER_CHOICES,
  'NAME_ASC',
);
export type OfficialOrder = keyof typeof NAME_ORDER_CHOICES;

@ObjectType({
  implements: [Node, Reported],
  description: 'An office an official holds, for a nation or within an organization.',
})
export class Role extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar, { nullable: true })
  since: string | null;

  @Field(() => DateScalar, { nullable: true })
  until: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date a source attests the role (its publication date).',
  })
  asOf: string | null;
}

export const OfficialFilter = NameFilterType('OfficialFilter');
export type OfficialFilter = InstanceType<typeof OfficialFilter>;
