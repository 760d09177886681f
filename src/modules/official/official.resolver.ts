/** Officials: the root listing, their nation, roles and everything they said, took or attended. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { FieldResolvers } from '../common/field-resolvers';
import { corroborationCriteria } from '../corroboration/corroboration-criteria';
import { PageArgs } from '../common/page-args';
import { namedListing } from '../common/named-listing.cypher';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import { relationList, relationOne } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { Nation } from '../nation/nation.type';
import { actorFields } from '../node/actor.fields';
import { Organization } from '../organization/organization.type';
import {
  OFFICIAL_NATION,
  OFFICIAL_ROLES,
  ROLE_HOLDER,
  ROLE_NATION,
  ROLE_ORGANIZATION,
} from './official.cypher';
import { Official, OfficialConnection, OfficialOrder, OfficialFilter, Role } from './official.type';

@Resolver(() => Official)
@FieldResolvers({
  nation: relationOne(() => Nation, OFFICIAL_NATION, {
    nullable: true,
    description: 'The nation the official serves.',
  }),
  roles: relationList(() => Role, OFFICIAL_ROLES),
  ...actorFields(Label.Official, {
    statements: 'What the official said, in date order.',
    positions: 'Stances the official took, in date order.',
    meetings: 'Meetings the official attended or chaired, in date order.',
  }),
  ...evidenceFields(Label.Official, { description: 'Where sources mention the official.' }),
})
export class OfficialResolver {
  @Query(() => OfficialConnection, { description: 'Officials, by name.' })
  async officials(
    @Arg('filter', () => OfficialFilter, { nullable: true }) filter: OfficialFilter | null,
    @Arg('orderBy', () => OfficialOrder.values, { nullable: true, description: 'Default NAME_ASC.' })
    orderBy: OfficialOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Official>> {
    const { spec, ordering } = orderedListing(
      OfficialOrder,
      orderBy,
      namedListing(Label.Official, filter ?? {}, corroborationCriteria(filter)),
    );
    return rootConnection<Official>(ctx.reader, 'officials', spec, args, planConnectionItems(info), ordering);
  }
}

@Resolver(() => Role)
@FieldResolvers({
  nation: relationOne(() => Nation, ROLE_NATION, { nullable: true }),
  organization: relationOne(() => Organization, ROLE_ORGANIZATION, { nullable: true }),
  holder: relationOne(() => Official, ROLE_HOLDER, { nullable: true, description: 'Who holds the role.' }),
  ...evidenceFields(Label.Role, { description: 'The excerpts that attest the role.', paged: false }),
})
export class RoleResolver {}
