/** A source document (a news report): the origin of every fact in the graph. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/scalars';
import { Node } from '../node/node.interface';

@ObjectType({ implements: [Node] })
export class Source extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => DateScalar)
  publishedAt: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, {
    description: 'The full text, verbatim; every evidence excerpt is a substring of it.',
  })
  text: string;
}

export const SourceConnection = ConnectionType(Source, 'Source');
