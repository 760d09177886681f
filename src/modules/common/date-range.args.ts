/** Paging plus an inclusive date range, for relation lists that grow over time. */
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './page-args';
import { DateScalar, toIsoDate } from './scalars';

@ArgsType()
export class DatedPageArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only items on or after this date.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only items on or before this date.' })
  to?: Date | null;
}

export function dateRangeParams(args: { from?: Date | null; to?: Date | null }): {
  from: string | null;
  to: string | null;
} {
  return { from: toIsoDate(args.from), to: toIsoDate(args.to) };
}
