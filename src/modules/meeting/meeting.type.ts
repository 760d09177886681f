/** A meeting: held, scheduled or cancelled as of its source, with who convened, chaired and attended. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { z } from 'zod';
import { MeetingStatus as MeetingStatusFormat } from '../../ingest/document.format';
import { ConnectionType } from '../common/connection.type';
import { DATE_ORDER_CHOICES, listOrder } from '../common/list-order';
import { FactCorroborationFilter } from '../corroboration/corroboration-filter.type';
import { DateScalar } from '../common/scalars';
import { Reported } from '../corroboration/reported.interface';
import { Node } from '../node/node.interface';

/** The document format's values: the API can't offer or accept a value the format lacks. */
export const MeetingStatus = MeetingStatusFormat.enum;
export type MeetingStatus = z.infer<typeof MeetingStatusFormat>;
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'As of the date of the source that reports it.',
});

@ObjectType({ implements: [Node, Reported] })
export class Meeting extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar)
  date: string;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'How many nations were represented, as reported (e.g. 30).',
  })
  nationsRepresented: number | null;

  @Field(() => Boolean, {
    description: 'True when the source gives the number as approximate ("around 50").',
  })
  nationsRepresentedApproximate: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The date as the source wrote it, e.g. "on Thursday".',
  })
  dateText: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How `date` was resolved from `dateText` and the publication date.',
  })
  dateResolution: string | null;
}

export const MeetingConnection = ConnectionType(Meeting, 'Meeting');

export const MeetingOrder = listOrder(
  'MeetingOrder',
  'How `meetings` are ordered.',
  DATE_ORDER_CHOICES,
  'DATE_ASC',
);
export type MeetingOrder = keyof typeof DATE_ORDER_CHOICES;

@InputType({ description: 'All fields optional, combined with AND.' })
export class MeetingFilter extends FactCorroborationFilter {
  @Field(() => DateScalar, { nullable: true, description: 'On or after this date.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this date.' })
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the place or of a place that contains it ("Brussels").',
  })
  place?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An actor id; a nation also matches through its officials.',
  })
  participant?: string | null;

  @Field(() => ID, { nullable: true, description: 'An actor id that chaired the meeting.' })
  chair?: string | null;

  @Field(() => String, { nullable: true, description: 'Topic name or alias; narrower topics included.' })
  topic?: string | null;

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus | null;
}
