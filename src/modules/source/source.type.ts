/** A source document (a news report): the origin of every fact in the graph. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DATE_ORDER_CHOICES, listOrder } from '../common/list-order';
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

/** Sources are what is counted, so they have no source count to order by. */
const SOURCE_ORDER_CHOICES = {
  DATE_ASC: {
    ...DATE_ORDER_CHOICES.DATE_ASC,
    description: 'Oldest publication first, ties by id (the default).',
  },
  DATE_DESC: {
    ...DATE_ORDER_CHOICES.DATE_DESC,
    description: 'Newest publication first: exactly DATE_ASC reversed.',
  },
};
export const SourceOrder = listOrder(
  'SourceOrder',
  'How `sources` are ordered.',
  SOURCE_ORDER_CHOICES,
  'DATE_ASC',
);
export type SourceOrder = keyof typeof SOURCE_ORDER_CHOICES;
