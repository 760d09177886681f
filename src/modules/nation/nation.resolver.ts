/** Nations: the root listing and every relation a nation has. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { toConnection, type ConnectionShape } from '../common/connection.type';
import { DatedPageArgs, dateRangeParams } from '../common/date-range.args';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize, toPageRequest } from '../common/page-args';
import { Evidence } from '../evidence/evidence.type';
import { Meeting, MeetingConnection } from '../meeting/meeting.type';
import { Organization } from '../organization/organization.type';
import { Official } from '../official/official.type';
import { Position, PositionConnection } from '../position/position.type';
import { Statement, StatementConnection } from '../statement/statement.type';
import {
  NATION_ACTOR,
  NATION_EVIDENCE,
  NATION_MEMBERSHIPS,
  NATION_OFFICIALS,
  nationsQuery,
} from './nation.cypher';
import { Nation, NationConnection, NationFilter } from './nation.type';

@Resolver(() => Nation)
export class NationResolver {
  @Query(() => NationConnection, { description: 'Nations, by name.' })
  async nations(
    @Arg('filter', () => NationFilter, { nullable: true }) filter: NationFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Nation>> {
    const page = await ctx.reader.rootPage<Nation>(
      nationsQuery(filter ?? {}),
      toPageRequest(args),
      planConnectionItems(info),
    );
    return toConnection(page);
  }

  @FieldResolver(() => [Official])
  officials(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_OFFICIALS, nation, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence], { description: 'Where sources mention the nation.' })
  evidence(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_EVIDENCE, nation, pageSize(args.first));
  }

  @FieldResolver(() => [Organization], {
    description: 'Organizations and coalitions the nation is a member of.',
  })
  memberships(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_MEMBERSHIPS, nation, pageSize(args.first));
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings it attended or chaired, itself or through its officials.',
  })
  async meetings(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(
      await ctx.reader.relationPage<Meeting>(
        NATION_ACTOR.meetings,
        nation.id,
        toPageRequest(args),
        dateRangeParams(args),
      ),
    );
  }

  @FieldResolver(() => StatementConnection)
  async statements(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(
      await ctx.reader.relationPage<Statement>(
        NATION_ACTOR.statements,
        nation.id,
        toPageRequest(args),
        dateRangeParams(args),
      ),
    );
  }

  @FieldResolver(() => PositionConnection)
  async positions(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(
      await ctx.reader.relationPage<Position>(
        NATION_ACTOR.positions,
        nation.id,
        toPageRequest(args),
        dateRangeParams(args),
      ),
    );
  }
}
