/** Nations: the root listing and every relation a nation has. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { DatedPageArgs, dateRangeParams } from '../common/date-range.args';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { relationConnection, rootConnection } from '../common/paged-connection';
import { Evidence, EvidenceConnection } from '../evidence/evidence.type';
import { Meeting, MeetingConnection } from '../meeting/meeting.type';
import { Organization, OrganizationConnection } from '../organization/organization.type';
import { Official, OfficialConnection } from '../official/official.type';
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
    return rootConnection<Nation>(
      ctx.reader,
      'nations',
      nationsQuery(filter ?? {}),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => [Official])
  officials(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_OFFICIALS, nation, pageSize(args.first));
  }

  @FieldResolver(() => OfficialConnection, { description: 'All of `officials`, paged.' })
  officialsConnection(
    @Root() nation: Nation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Official>(ctx.reader, NATION_OFFICIALS, nation.id, args);
  }

  @FieldResolver(() => [Evidence], { description: 'Where sources mention the nation.' })
  evidence(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_EVIDENCE, nation, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(
    @Root() nation: Nation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Evidence>(ctx.reader, NATION_EVIDENCE, nation.id, args);
  }

  @FieldResolver(() => [Organization], {
    description: 'Organizations and coalitions the nation is a member of.',
  })
  memberships(@Root() nation: Nation, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(NATION_MEMBERSHIPS, nation, pageSize(args.first));
  }

  @FieldResolver(() => OrganizationConnection, { description: 'All of `memberships`, paged.' })
  membershipsConnection(
    @Root() nation: Nation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Organization>(ctx.reader, NATION_MEMBERSHIPS, nation.id, args);
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings it attended or chaired, itself or through its officials.',
  })
  meetings(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Meeting>(
      ctx.reader,
      NATION_ACTOR.meetings,
      nation.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => StatementConnection, {
    description: 'Statements it made, itself or through its officials.',
  })
  statements(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Statement>(
      ctx.reader,
      NATION_ACTOR.statements,
      nation.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => PositionConnection, {
    description: 'Positions it took, itself or through its officials.',
  })
  positions(
    @Root() nation: Nation,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Position>(
      ctx.reader,
      NATION_ACTOR.positions,
      nation.id,
      args,
      dateRangeParams(args),
    );
  }
}
