/** Nations: the root listing and every relation a nation has. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { connectionField } from '../common/connection-field';
import { FieldResolvers } from '../common/field-resolvers';
import { corroborationCriteria } from '../corroboration/corroboration-criteria';
import { PageArgs } from '../common/page-args';
import { namedListing } from '../common/named-listing.cypher';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import { relationList } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { actorFields } from '../node/actor.fields';
import { Organization, OrganizationConnection } from '../organization/organization.type';
import { Official, OfficialConnection } from '../official/official.type';
import { NATION_MEMBERSHIPS, NATION_OFFICIALS } from './nation.cypher';
import { Nation, NationConnection, NationOrder, NationFilter } from './nation.type';

@Resolver(() => Nation)
@FieldResolvers({
  officials: relationList(() => Official, NATION_OFFICIALS),
  officialsConnection: connectionField(() => OfficialConnection, NATION_OFFICIALS, {
    description: 'All of `officials`, paged.',
  }),
  memberships: relationList(() => Organization, NATION_MEMBERSHIPS, {
    description: 'Organizations and coalitions the nation is a member of.',
  }),
  membershipsConnection: connectionField(() => OrganizationConnection, NATION_MEMBERSHIPS, {
    description: 'All of `memberships`, paged.',
  }),
  ...evidenceFields(Label.Nation, { description: 'Where sources mention the nation.' }),
  ...actorFields(Label.Nation, {
    meetings: 'Meetings it attended or chaired, itself or through its officials.',
    statements: 'Statements it made, itself or through its officials.',
    positions: 'Positions it took, itself or through its officials.',
  }),
})
export class NationResolver {
  @Query(() => NationConnection, { description: 'Nations, by name.' })
  async nations(
    @Arg('filter', () => NationFilter, { nullable: true }) filter: NationFilter | null,
    @Arg('orderBy', () => NationOrder.values, { nullable: true, description: 'Default NAME_ASC.' })
    orderBy: NationOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Nation>> {
    const { spec, ordering } = orderedListing(
      NationOrder,
      orderBy,
      namedListing(Label.Nation, filter ?? {}, corroborationCriteria(filter)),
    );
    return rootConnection<Nation>(ctx.reader, 'nations', spec, args, planConnectionItems(info), ordering);
  }
}
