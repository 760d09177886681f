/** The analyst questions: co-attendance, actor timelines and stance summaries. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { actorLabelForId } from '../common/actor-id';
import { toConnection } from '../common/connection.type';
import { DatedPageArgs, dateRangeParams } from '../common/date-range.args';
import { pageSize, toPageRequest } from '../common/page-args';
import type { Node } from '../node/node.interface';
import { coAttendanceQuery, stanceSummaryQuery, timelineQuery } from './analysis.cypher';
import { CoAttendance, StanceSummary, TimelineConnection } from './analysis.type';

async function requireActor(ctx: RequestContext, id: string) {
  const label = actorLabelForId(id);
  if (!label) {
    throw new BadUserInputError(
      '`actor` must be the id of a nation, official or organization (e.g. nation:gbr).',
      {
        argument: 'actor',
      },
    );
  }
  if (!(await ctx.reader.nodeById(label, id)))
    throw new NotFoundError(`No actor has the id "${id.slice(0, 100)}".`, { id });
  return label;
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
    const label = await requireActor(ctx, actor);
    const rows = await ctx.reader.read(coAttendanceQuery(label, actor, pageSize(first)));
    return rows as unknown as CoAttendance[];
  }

  @Query(() => TimelineConnection, {
    description:
      "An actor's meetings, statements and positions in date order; a nation includes its officials'.",
  })
  async timeline(
    @Arg('actor', () => ID) actor: string,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const label = await requireActor(ctx, actor);
    const range = dateRangeParams(args);
    return toConnection(
      await ctx.reader.rootPage<Node>(
        timelineQuery(label, actor, range.from, range.to),
        toPageRequest(args),
        planConnectionItems(info),
      ),
    );
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
