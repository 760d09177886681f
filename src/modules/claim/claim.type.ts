/**
 * A claim: what one source says about one attribute of a meeting (its date, place, status, a
 * figure), kept per source and never overwritten, so reports can be compared (docs/corroboration.md).
 */
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { FigureMeasure } from '../../ingest/document.format';
import { ConnectionType } from '../common/connection.type';

/** The attributes a claim can be about: a meeting's date, place and status, and the format's figures. */
export const ClaimField = {
  DATE: 'DATE',
  PLACE: 'PLACE',
  STATUS: 'STATUS',
  ...FigureMeasure.enum,
} as const;
export type ClaimField = (typeof ClaimField)[keyof typeof ClaimField];

/** Claim fields whose values are numbers (compared as figures). */
export const FIGURE_FIELDS: readonly ClaimField[] = FigureMeasure.options;

registerEnumType(ClaimField, {
  name: 'ClaimField',
  description: 'What a claim is about.',
  valuesConfig: {
    DATE: { description: 'The date (value: YYYY-MM-DD).' },
    PLACE: { description: 'Where it was held (value: the place id).' },
    STATUS: { description: 'Held, scheduled or cancelled, as of the source.' },
    NATIONS_REPRESENTED: { description: 'How many nations were represented.' },
    AMOUNT_PLEDGED: { description: 'An amount pledged (unit: the currency, e.g. EUR).' },
    TROOPS_COMMITTED: { description: 'How many troops were committed.' },
  },
});

@ObjectType({ description: 'What one source says about one attribute of a meeting.' })
export class Claim {
  @Field(() => ID)
  id: string;

  @Field(() => ClaimField)
  field: ClaimField;

  @Field(() => String, {
    description: 'As the source states it: a date, a place id, a status or a number.',
  })
  value: string;

  @Field(() => Float, { nullable: true, description: 'For figures: the number.' })
  number: number | null;

  @Field(() => String, { nullable: true, description: 'For figures: the unit, e.g. EUR.' })
  unit: string | null;

  @Field(() => Boolean, {
    description:
      'True when the source hedges ("around 50"); false when it does not or the claim has no number.',
  })
  approximate: boolean;

  sourceId: string;
  publishedAt: string;
}

export const ClaimConnection = ConnectionType(Claim, 'Claim');
