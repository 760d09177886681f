/** The vocabulary and result types of the analysts' counts: `timeSeries` and `countBy`. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { Stance } from '../position/position.type';
import { MAX_GROUPS_PER_BUCKET, MAX_TIME_BUCKETS } from './time-buckets';

export enum FactMeasure {
  MEETINGS = 'MEETINGS',
  STATEMENTS = 'STATEMENTS',
  POSITIONS = 'POSITIONS',
}
registerEnumType(FactMeasure, {
  name: 'FactMeasure',
  description: 'Which facts to count. Retracted facts never count.',
  valuesConfig: {
    MEETINGS: {
      description:
        "Meetings of any status (held, scheduled, cancelled), on the meeting's date; actors: participants and chairs.",
    },
    STATEMENTS: { description: "Statements, on the statement's date; actor: the speaker." },
    POSITIONS: { description: "Positions, on the position's date; actor: the holder." },
  },
});

export enum TimeInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(TimeInterval, {
  name: 'TimeInterval',
  description: 'The width of a time bucket, in UTC dates.',
  valuesConfig: {
    DAY: { description: 'One date.' },
    WEEK: { description: 'An ISO week, Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
    YEAR: { description: 'A calendar year.' },
  },
});

export enum CountGrouping {
  NATION = 'NATION',
  ORGANIZATION = 'ORGANIZATION',
  TOPIC = 'TOPIC',
  STANCE = 'STANCE',
}
registerEnumType(CountGrouping, {
  name: 'CountGrouping',
  description:
    'How to split a count. A fact with several groups counts once in each of them (so group counts may add up to more than the total) and once in the total.',
  valuesConfig: {
    NATION: {
      description: "The nations among the fact's actors: a nation itself, or an official's nation.",
    },
    ORGANIZATION: { description: "The organizations among the fact's actors." },
    TOPIC: { description: "The fact's own topics (not their broader topics)." },
    STANCE: { description: "The position's stance; only with POSITIONS (else BAD_USER_INPUT)." },
  },
});

@InputType({ description: 'Which facts count; all fields optional, combined with AND.' })
export class FactCountFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      "Facts of this actor (nation, official or organization); a nation includes its officials' facts.",
  })
  actor?: string | null;

  @Field(() => ID, { nullable: true, description: 'Facts about this topic id; narrower topics included.' })
  topic?: string | null;

  @Field(() => Stance, { nullable: true, description: 'Positions of this stance; only with POSITIONS.' })
  stance?: Stance | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Facts dated on or after this date (undated facts are then left out).',
  })
  from?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Facts dated on or before this date (undated facts are then left out).',
  })
  to?: Date | null;
}

@ObjectType({ description: 'How many facts fall in one group.' })
export class GroupCount {
  @Field(() => String, { description: 'The group: an entity id (nation:gbr, topic:...) or a stance.' })
  key: string;

  @Field(() => String, { nullable: true, description: "The entity's name, or the stance." })
  label: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'The facts dated within one interval.' })
export class TimeBucket {
  @Field(() => DateScalar, { description: 'First date, inclusive; the first bucket starts at `from`.' })
  start: string;

  @Field(() => DateScalar, { description: 'Last date, inclusive; the last bucket ends at `to`.' })
  end: string;

  @Field(() => String, {
    description: 'The whole interval it lies in: 2025-04-10, 2025-W15 (ISO week), 2025-04 or 2025.',
  })
  label: string;

  @Field(() => Int, { description: 'Distinct facts dated in the bucket, each once.' })
  count: number;

  @Field(() => [GroupCount], {
    description: `With \`groupBy\`: the ${MAX_GROUPS_PER_BUCKET} largest groups (ties by key), largest first; else empty.`,
  })
  groups: GroupCount[];

  @Field(() => Int, { description: 'Groups of this bucket not listed in `groups` (over the cap).' })
  groupsLeftOut: number;
}

@ObjectType({
  description: `Fact counts per interval over [from, to], every bucket listed (at most ${MAX_TIME_BUCKETS}).`,
})
export class TimeSeries {
  @Field(() => FactMeasure)
  measure: FactMeasure;

  @Field(() => TimeInterval)
  interval: TimeInterval;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => Int, { description: 'Distinct facts dated in [from, to]: the sum of the buckets.' })
  total: number;

  @Field(() => [TimeBucket])
  buckets: TimeBucket[];
}
