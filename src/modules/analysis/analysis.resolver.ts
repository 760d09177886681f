/** The analyst questions: co-attendance, actor timelines and stance summaries. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { actorLabelForId } from '../../graph/model';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import { DatedPageArgs, dateRangeParams } from '../common/date-range.args';
import { pageSize } from '../common/page-args';
import type { Node } from '../node/node.interface';
import { coAttendanceQuery, stanceSummaryQuery, timelineQuery } from './analysis.cypher';
import { CoAttendance, StanceSummary, TimelineConnection, TimelineOrder } from './analysis.type';

function actorLabel(id: string) {
  const label = actorLabelForId(id);
  if (!label) {
    throw new BadUserInputError(
      '`actor` must be the id of a nation, official or organization (e.g. nation:gbr).',
      { argument: 'actor' },
    );
  }
  return label;
}

/**
 * An empty answer may mean an unknown actor, which is NOT_FOUND; a non-empty one proves the actor
 * exists. So the existence check runs only after an empty answer: one round trip in the usual case.
 */
async function requireActorWhenEmpty(ctx: RequestContext, id: string, empty: boolean): Promise<void> {
  if (empty && !(await ctx.reader.nodeById(actorLabel(id), id)))
    throw new NotFoundError(`No actor has the id "${id.slice(0, 100)}".`, { id });
}

@Resolver()
export class AnalysisResolver {
  @Query(() => [CoAttendance], {
    description: 'Who met this actor, how often and where; a nation counts its officials.',
  })
  async coAttendance(
    @Arg('actor', () => ID) actor: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CoAttendance[]> {
    const rows = await ctx.reader.read(coAttendanceQuery(actorLabel(actor), actor, pageSize(first)));
    await requireActorWhenEmpty(ctx, actor, rows.length === 0);
    return rows as unknown as CoAttendance[];
  }

  @Query(() => TimelineConnection, {
    description:
      "An actor's meetings, statements and positions in date order (newest first with `orderBy: DATE_DESC`); a nation includes its officials'. Undated statements and positions come last (first, newest first), and are left out when `from` or `to` is given.",
  })
  async timeline(
    @Arg('actor', () => ID) actor: string,
    @Arg('orderBy', () => TimelineOrder.values, { nullable: true, description: 'Default DATE_ASC.' })
    orderBy: TimelineOrder | null,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const label = actorLabel(actor);
    const range = dateRangeParams(args);
    const { spec, ordering } = orderedListing(
      TimelineOrder,
      orderBy,
      timelineQuery(label, actor, range.from, range.to),
    );
    const connection = await rootConnection<Node>(
      ctx.reader,
      'timeline',
      spec,
      args,
      planConnectionItems(info),
      ordering,
    );
    await requireActorWhenEmpty(ctx, actor, connection.nodes.length === 0);
    return connection;
  }

  @Query(() => StanceSummary, {
    description: 'How many positions of each stance on a topic (narrower included), and by whom.',
  })
  async stanceSummary(
    @Arg('topic', () => String) topic: string,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceSummary> {
    const rows = await ctx.reader.read(stanceSummaryQuery(topic));
    const stances = rows as unknown as StanceSummary['stances'];
    return { total: stances.reduce((sum, entry) => sum + entry.count, 0), stances };
  }
}
