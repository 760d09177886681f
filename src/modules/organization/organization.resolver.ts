/** Organizations: the root listing, members, leaders, and what they convened, said or took. */
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
import { Nation, NationConnection } from '../nation/nation.type';
import { Actor } from '../node/node.interface';
import { Position, PositionConnection } from '../position/position.type';
import { Statement, StatementConnection } from '../statement/statement.type';
import {
  ORGANIZATION_ACTOR,
  ORGANIZATION_LEADERS,
  ORGANIZATION_LEADING_NATIONS,
  ORGANIZATION_MEMBERS,
  organizationLinksQuery,
  organizationsQuery,
} from './organization.cypher';
import { Leadership, Membership } from './organization-link.type';
import { Organization, OrganizationConnection, OrganizationFilter } from './organization.type';

const ORGANIZATION_EVIDENCE = evidenceOf(Label.Organization);

type LinkItem = { node: { id: string }; evidence: Evidence[] };

/** Members or leaders with their evidence, one statement for every organization in the request. */
function loadLinks(
  ctx: RequestContext,
  link: 'members' | 'leaders',
  organizationId: string,
  first: number,
): Promise<LinkItem[]> {
  return ctx.reader.batched(`Organization.${link}WithEvidence:${first}`, organizationId, async (ids) => {
    const rows = await ctx.reader.read(organizationLinksQuery(link, ids, first));
    const byId = new Map(rows.map((row) => [row.parentId as string, row.items as unknown as LinkItem[]]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organizations and coalitions, by name.' })
  async organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Organization>> {
    return rootConnection<Organization>(
      ctx.reader,
      'organizations',
      organizationsQuery(filter ?? {}),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => [Nation])
  members(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.reader.relationList(ORGANIZATION_MEMBERS, organization, pageSize(args.first));
  }

  @FieldResolver(() => NationConnection, { description: 'All of `members`, paged.' })
  membersConnection(
    @Root() organization: Organization,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Nation>(ctx.reader, ORGANIZATION_MEMBERS, organization.id, args);
  }

  @FieldResolver(() => [Nation], {
    description: 'Nations that lead it. Officials or organizations leading it are in `leadingActors`.',
  })
  async leaders(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.reader.relationList(ORGANIZATION_LEADING_NATIONS, organization, pageSize(args.first));
  }

  @FieldResolver(() => [Membership], {
    description: 'Its member nations, each with the excerpts that say so.',
  })
  membersWithEvidence(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Membership[]> {
    return loadLinks(ctx, 'members', organization.id, pageSize(args.first)).then((items) =>
      items.map(({ node, evidence }) => ({ nation: node as unknown as Nation, evidence })),
    );
  }

  @FieldResolver(() => [Leadership], {
    description: 'Every actor that leads it, with the excerpts that say so.',
  })
  leadersWithEvidence(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Leadership[]> {
    return loadLinks(ctx, 'leaders', organization.id, pageSize(args.first)).then((items) =>
      items.map(({ node, evidence }) => ({ leader: node as unknown as Actor, evidence })),
    );
  }

  @FieldResolver(() => [Actor], {
    description: 'Every actor that leads it: nations, officials, organizations.',
  })
  leadingActors(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.reader.relationList(ORGANIZATION_LEADERS, organization, pageSize(args.first));
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings it convened, chaired or attended, in date order.',
  })
  meetings(
    @Root() organization: Organization,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Meeting>(
      ctx.reader,
      ORGANIZATION_ACTOR.meetings,
      organization.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => StatementConnection)
  statements(
    @Root() organization: Organization,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Statement>(
      ctx.reader,
      ORGANIZATION_ACTOR.statements,
      organization.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => PositionConnection)
  positions(
    @Root() organization: Organization,
    @Args(() => DatedPageArgs) args: DatedPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Position>(
      ctx.reader,
      ORGANIZATION_ACTOR.positions,
      organization.id,
      args,
      dateRangeParams(args),
    );
  }

  @FieldResolver(() => [Evidence])
  evidence(
    @Root() organization: Organization,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.reader.relationList(ORGANIZATION_EVIDENCE, organization, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(
    @Root() organization: Organization,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Evidence>(ctx.reader, ORGANIZATION_EVIDENCE, organization.id, args);
  }
}
