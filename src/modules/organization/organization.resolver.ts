/** Organizations: the root listing, members, leaders, and what they convened, said or took. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { connectionField } from '../common/connection-field';
import { FieldResolvers } from '../common/field-resolvers';
import { corroborationCriteria } from '../corroboration/corroboration-criteria';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { namedListing } from '../common/named-listing.cypher';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import { relationList } from '../common/relation-field';
import type { Evidence } from '../evidence/evidence.type';
import { evidenceFields } from '../evidence/evidence.fields';
import { Nation, NationConnection } from '../nation/nation.type';
import { actorFields } from '../node/actor.fields';
import { Actor } from '../node/node.interface';
import {
  ORGANIZATION_LEADERS,
  ORGANIZATION_LEADING_NATIONS,
  ORGANIZATION_MEMBERS,
  organizationLinksQuery,
} from './organization.cypher';
import { Leadership, Membership } from './organization-link.type';
import {
  Organization,
  OrganizationConnection,
  OrganizationOrder,
  OrganizationFilter,
} from './organization.type';

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
@FieldResolvers({
  members: relationList(() => Nation, ORGANIZATION_MEMBERS),
  membersConnection: connectionField(() => NationConnection, ORGANIZATION_MEMBERS, {
    description: 'All of `members`, paged.',
  }),
  leaders: relationList(() => Nation, ORGANIZATION_LEADING_NATIONS, {
    description: 'Nations that lead it. Officials or organizations leading it are in `leadingActors`.',
  }),
  leadingActors: relationList(() => Actor, ORGANIZATION_LEADERS, {
    description: 'Every actor that leads it: nations, officials, organizations.',
  }),
  ...actorFields(Label.Organization, {
    meetings: 'Meetings it convened, chaired or attended, in date order.',
  }),
  ...evidenceFields(Label.Organization),
})
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organizations and coalitions, by name.' })
  async organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Arg('orderBy', () => OrganizationOrder.values, { nullable: true, description: 'Default NAME_ASC.' })
    orderBy: OrganizationOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Organization>> {
    const { spec, ordering } = orderedListing(
      OrganizationOrder,
      orderBy,
      namedListing(Label.Organization, filter ?? {}, corroborationCriteria(filter)),
    );
    return rootConnection<Organization>(
      ctx.reader,
      'organizations',
      spec,
      args,
      planConnectionItems(info),
      ordering,
    );
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
}
