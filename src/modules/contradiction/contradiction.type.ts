/** Contradictions: where sources disagree about one subject, each side with its facts, sources and evidence. */
import { Extensions, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_ITEMS_EXTENSION } from '../../server/plugins/cost-limit.plugin';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/scalars';
import type { Evidence } from '../evidence/evidence.type';
import { Node } from '../node/node.interface';
import { Topic } from '../topic/topic.type';

/** Sides a contradiction lists: as many as there are stances; more different figures are rare. */
export const MAX_CONTRADICTION_SIDES = 6;

export enum ContradictionKind {
  FIGURE = 'FIGURE',
  DATE = 'DATE',
  PLACE = 'PLACE',
  OFFICE = 'OFFICE',
  STANCE = 'STANCE',
}

registerEnumType(ContradictionKind, {
  name: 'ContradictionKind',
  description: 'What the sources disagree about (docs/corroboration.md).',
  valuesConfig: {
    FIGURE: {
      description:
        'One meeting, one figure and unit, different numbers; an approximate number ("around 50") agrees with any within 10 %.',
    },
    DATE: { description: 'One meeting, different dates.' },
    PLACE: { description: 'One meeting, places neither of which lies within the other.' },
    OFFICE: {
      description:
        'One official, two offices with different titles for the same nation or organization, attested within 30 days of each other, and no one source naming both.',
    },
    STANCE: {
      description:
        'One holder, one topic, opposite stances (SUPPORTS, STRESSES or PLEDGES against OPPOSES or REFUSES; PLEDGES against HESITANT) dated, or first reported, within 30 days of each other.',
    },
  },
});

@ObjectType({ description: 'One value sources give, and who gives it.' })
export class ContradictionSide {
  @Field(() => String, {
    description:
      'The value: a number ("around 50", "2000000000 EUR"), a date, a place id, an office title or a stance; values that agree with one another share a side, separated by " / ".',
  })
  value: string;

  /** The facts (meetings, roles, positions) that hold the value; resolved with `first`. */
  facts: Node[];

  /** Ids of the sources that give it, in publication order; resolved with `first`. */
  sourceIds: string[];

  /** The excerpts; resolved with `first`. */
  evidence: Evidence[];
}

@ObjectType({ description: 'Sources that disagree about one subject.' })
export class Contradiction {
  /** Stable across requests: the kind, subject, field and the group's first fact. */
  id: string;

  @Field(() => ContradictionKind)
  kind: ContradictionKind;

  @Field(() => Node, {
    description:
      'What the sources disagree about: the meeting (FIGURE, DATE, PLACE), the official (OFFICE) or the holder (STANCE).',
  })
  subject: Node;

  @Field(() => String, {
    description:
      'Which attribute: DATE, PLACE, a figure (NATIONS_REPRESENTED, AMOUNT_PLEDGED, TROOPS_COMMITTED), TITLE (OFFICE) or STANCE.',
  })
  field: string;

  @Field(() => Topic, { nullable: true, description: 'STANCE: the topic the stances are on.' })
  topic: Topic | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "When: the meeting's date, or the earliest date of the offices or stances involved. The list is in this order.",
  })
  date: string | null;

  @Field(() => [ContradictionSide], {
    description: `Two or more: the values that cannot all be true, at most ${MAX_CONTRADICTION_SIDES}. A meeting's values most sources give first; offices and stances in the order first reported.`,
  })
  @Extensions({ [MAX_ITEMS_EXTENSION]: MAX_CONTRADICTION_SIDES })
  sides: ContradictionSide[];
}

export const ContradictionConnection = ConnectionType(Contradiction, 'Contradiction');

@InputType({ description: 'All fields optional, combined with AND.' })
export class ContradictionFilter {
  @Field(() => [ContradictionKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: ContradictionKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only contradictions about this meeting, official or holder.',
  })
  subject?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Dated on or after this date.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Dated on or before this date.' })
  to?: Date | null;
}
