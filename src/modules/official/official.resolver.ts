/** Officials: the root listing, their nation, roles and everything they said, took or attended. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { DatedPageArgs, dateRangeParams } from '../common/date-range.args';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { evidenceOf } from '../evidence/evidence.cypher';
import { relationConnection, rootConnection } from '../common/paged-connection';
import { Evidence, EvidenceConnection } from '../evidence/evidence.type';
import { Meeting, MeetingConnection } from '../meeting/meeting.type';
import { Nation } from '../nation/nation.type';
import { Organization } from '../organization/organization.type';
import { Position, PositionConnection } from '../position/position.type';
import { Statement, StatementConnection } from '../statement/statement.type';
import {
  OFFICIAL_ACTOR,
  OFFICIAL_NATION,
  OFFICIAL_ROLES,
  officialsQuery,
  ROLE_HOLDER,
  ROLE_NATION,
  ROLE_ORGANIZATION,
} from './official.cypher';
import { Official, OfficialConnection, OfficialFilter, Role } from './official.type';

const OFFICIAL_EVIDENCE = evidenceOf(Label.Official);
const ROLE_EVIDENCE = evidenceOf(Label.Role);

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => OfficialConnection, { description: 'Officials, by name.' })
  async officials(
    @Arg('filter', () => OfficialFilter, { nullable: true }) filter: OfficialFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Official>> {
    return rootConnection<Official>(
      ctx.reader,
      'officials',
      officialsQuery(filter ?? {}),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Nation, { nullable: true, description: 'The nation the official serves.' })
  nation(@Root() official: Official, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(OFFICIAL_NATION, official);
  }

  @FieldResolver(() => [Role])
  roles(@Root() official: Official, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(OFFICIAL_ROLES, official, pageSize(args.first));
  }

  @FieldResolver(() => StatementConnection, { description: 'What the official said, in date order.' })
  statements(
    @Root() official: Official,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Statement>(
      ctx.reader,
      OFFICIAL_ACTOR.statements,
      official.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => PositionConnection, { description: 'Stances the official took, in date order.' })
  positions(
    @Root() official: Official,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Position>(
      ctx.reader,
      OFFICIAL_ACTOR.positions,
      official.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings the official attended or chaired, in date order.',
  })
  meetings(
    @Root() official: Official,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Meeting>(
      ctx.reader,
      OFFICIAL_ACTOR.meetings,
      official.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => [Evidence], { description: 'Where sources mention the official.' })
  evidence(@Root() official: Official, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(OFFICIAL_EVIDENCE, official, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(
    @Root() official: Official,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Evidence>(ctx.reader, OFFICIAL_EVIDENCE, official.id, args);
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Nation, { nullable: true })
  nation(@Root() role: Role, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(ROLE_NATION, role);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() role: Role, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(ROLE_ORGANIZATION, role);
  }

  @FieldResolver(() => Official, { nullable: true, description: 'Who holds the role.' })
  holder(@Root() role: Role, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(ROLE_HOLDER, role);
  }

  @FieldResolver(() => [Evidence], { description: 'The excerpts that attest the role.' })
  evidence(@Root() role: Role, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(ROLE_EVIDENCE, role, pageSize(args.first));
  }
}
