/** A topic of the taxonomy analysts search by ("US involvement" > "US security backstop"). */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../node/node.interface';

@ObjectType({ implements: [Node] })
export class Topic extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Words analysts use for it.' })
  aliases: string[];
}

export const TopicConnection = ConnectionType(Topic, 'Topic');

@InputType()
export class TopicFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words of the name or any alias, case- and accent-insensitive.',
  })
  name?: string | null;
}
