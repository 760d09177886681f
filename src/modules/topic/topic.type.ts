/** A topic of the taxonomy analysts search by ("US involvement" > "US security backstop"). */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NAME_ORDER_CHOICES, listOrder } from '../common/list-order';
import { NameFilterType } from '../common/name-filter.type';
import { Reported } from '../corroboration/reported.interface';
import { Node } from '../node/node.interface';

@ObjectType({ implements: [Node, Reported] })
export class Topic extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Words analysts use for it.' })
  aliases: string[];
}

export const TopicConnection = ConnectionType(Topic, 'Topic');

export const TopicOrder = listOrder(
  'TopicOrder',
  'How `topics` are ordered.',
  NAME_ORDER_CHOICES,
  'NAME_ASC',
);
export type TopicOrder = keyof typeof NAME_ORDER_CHOICES;

export const TopicFilter = NameFilterType('TopicFilter');
export type TopicFilter = InstanceType<typeof TopicFilter>;
