/** Result types of the analyst questions. */
import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DATE_ORDER_CHOICES, listOrder } from '../common/list-order';
import { Meeting } from '../meeting/meeting.type';
import { Actor, Node } from '../node/node.interface';
import { Place } from '../place/place.type';
import { Stance } from '../position/position.type';

@ObjectType({ description: 'Another actor met at one or more meetings.' })
export class CoAttendance {
  @Field(() => Actor)
  actor: Actor;

  @Field(() => Int, { description: 'How many meetings both took part in.' })
  count: number;

  @Field(() => [Meeting])
  meetings: Meeting[];

  @Field(() => [Place], { description: 'Where those meetings were held.' })
  places: Place[];
}

@ObjectType()
export class StanceCount {
  @Field(() => Stance)
  stance: Stance;

  @Field(() => Int)
  count: number;

  @Field(() => [Actor], { description: 'Who took this stance.' })
  holders: Actor[];
}

@ObjectType({
  description:
    'How many positions of each stance were taken on a topic (narrower topics included), and by whom.',
})
export class StanceSummary {
  @Field(() => Int)
  total: number;

  @Field(() => [StanceCount], { description: 'Most frequent stance first.' })
  stances: StanceCount[];
}

/** Meetings, statements and positions of an actor in date order. */
export const TimelineConnection = ConnectionType(Node, 'Timeline');

/** A timeline mixes facts of every kind, so it is ordered by date only (and undated facts, kept last, by id). */
const TIMELINE_ORDER_CHOICES = {
  DATE_ASC: {
    ...DATE_ORDER_CHOICES.DATE_ASC,
    description: 'Oldest first, ties by id (the default); undated statements and positions last.',
  },
  DATE_DESC: {
    ...DATE_ORDER_CHOICES.DATE_DESC,
    description: 'Newest first: exactly DATE_ASC reversed, so undated statements and positions come first.',
  },
};
export const TimelineOrder = listOrder(
  'TimelineOrder',
  'How `timeline` is ordered.',
  TIMELINE_ORDER_CHOICES,
  'DATE_ASC',
);
export type TimelineOrder = keyof typeof TIMELINE_ORDER_CHOICES;
