/** The analysts' counts, "how often" and "since when": `timeSeries` and `countBy`. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DateScalar } from '../common/scalars';
import { countBy, MAX_COUNT_GROUPS, timeSeries } from './statistics.service';
import {
  CountGrouping,
  FactCountFilter,
  FactMeasure,
  GroupCount,
  TimeInterval,
  TimeSeries,
} from './statistics.type';
import { MAX_GROUPS_PER_BUCKET, MAX_TIME_BUCKETS } from './time-buckets';

const COMMON_RULES =
  "Retracted facts never count. a nation as `filter.actor` counts its officials' facts too; `filter.topic` includes narrower topics; `filter.stance` only with POSITIONS. A fact's date is the meeting's, statement's or position's own `date`.";

@Resolver()
export class StatisticsResolver {
  @Query(() => TimeSeries, {
    description: `How many facts per interval from \`from\` to \`to\` (inclusive, UTC dates). Every bucket is listed, empty ones with count 0; the first and last are clipped to the range. WEEK is the ISO week (Monday to Sunday). At most ${MAX_TIME_BUCKETS} buckets, else BAD_USER_INPUT (use a wider interval or a shorter range). Undated facts are left out. With \`groupBy\`, each bucket lists its ${MAX_GROUPS_PER_BUCKET} largest groups; a fact with several groups counts once in each, and once in the bucket's count. \`filter.from\`/\`filter.to\` narrow which facts count; the buckets still cover \`from\` to \`to\`. ${COMMON_RULES}`,
  })
  timeSeries(
    @Arg('measure', () => FactMeasure) measure: FactMeasure,
    @Arg('interval', () => TimeInterval) interval: TimeInterval,
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('groupBy', () => CountGrouping, { nullable: true }) groupBy: CountGrouping | null,
    @Arg('filter', () => FactCountFilter, { nullable: true }) filter: FactCountFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TimeSeries> {
    return timeSeries(ctx.reader, { measure, interval, from, to, groupBy: groupBy ?? null, filter });
  }

  @Query(() => [GroupCount], {
    description: `How many facts in each group, largest first (ties by key), at most ${MAX_COUNT_GROUPS} groups. A fact with several groups counts once in each. Undated facts count too, unless \`filter.from\` or \`filter.to\` is given. ${COMMON_RULES}`,
  })
  countBy(
    @Arg('measure', () => FactMeasure) measure: FactMeasure,
    @Arg('groupBy', () => CountGrouping) groupBy: CountGrouping,
    @Arg('filter', () => FactCountFilter, { nullable: true }) filter: FactCountFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GroupCount[]> {
    return countBy(ctx.reader, { measure, groupBy, filter });
  }
}
