/** A statement: a direct quote (verbatim) or a paraphrase, by a speaker, often at a meeting. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { z } from 'zod';
import { StatementKind as StatementKindFormat } from '../../ingest/document.format';
import { ConnectionType } from '../common/connection.type';
import { DATE_ORDER_CHOICES, listOrder } from '../common/list-order';
import { FactCorroborationFilter } from '../corroboration/corroboration-filter.type';
import { DateScalar } from '../common/scalars';
import { Reported } from '../corroboration/reported.interface';
import { Node } from '../node/node.interface';

/** The document format's values: the API can't offer or accept a value the format lacks. */
export const StatementKind = StatementKindFormat.enum;
export type StatementKind = z.infer<typeof StatementKindFormat>;
registerEnumType(StatementKind, {
  name: 'StatementKind',
  valuesConfig: {
    QUOTE: { description: "The speaker's own words, verbatim in the source." },
    PARAPHRASE: { description: 'What the source reports the speaker said, in its words.' },
  },
});

@ObjectType({ implements: [Node, Reported] })
export class Statement extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  text: string;

  @Field(() => StatementKind)
  kind: StatementKind;

  @Field(() => DateScalar, { nullable: true })
  date: string | null;
}

export const StatementConnection = ConnectionType(Statement, 'Statement');

export const StatementOrder = listOrder(
  'StatementOrder',
  'How `statements` are ordered.',
  DATE_ORDER_CHOICES,
  'DATE_ASC',
);
export type StatementOrder = keyof typeof DATE_ORDER_CHOICES;

@InputType({ description: 'All fields optional, combined with AND.' })
export class StatementFilter extends FactCorroborationFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      "Actor id of the speaker: exactly that actor (a nation's statements with its officials' are `Nation.statements`).",
  })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'Meeting id.' })
  meeting?: string | null;

  @Field(() => String, { nullable: true, description: 'Topic name or alias; narrower topics included.' })
  topic?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words that appear in the statement (all of them, any order).',
  })
  text?: string | null;

  @Field(() => StatementKind, { nullable: true })
  kind?: StatementKind | null;
}
