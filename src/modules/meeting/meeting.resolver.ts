/** Meetings: the filtered listing and who convened, chaired and attended, where, about what, says who. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { connectionField } from '../common/connection-field';
import { eventCodeFields } from '../common/event-code.fields';
import { FieldResolvers } from '../common/field-resolvers';
import { corroborationCriteria } from '../corroboration/corroboration-criteria';
import { PageArgs } from '../common/page-args';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import { relationList, relationOne } from '../common/relation-field';
import { toIsoDate } from '../common/scalars';
import { MEETING_CLAIMS } from '../claim/claim.cypher';
import { Claim, ClaimConnection } from '../claim/claim.type';
import { evidenceFields } from '../evidence/evidence.fields';
import { Actor, ActorConnection } from '../node/node.interface';
import { Organization } from '../organization/organization.type';
import { Place } from '../place/place.type';
import { Statement, StatementConnection } from '../statement/statement.type';
import { Source } from '../source/source.type';
import { Topic } from '../topic/topic.type';
import {
  MEETING_CHAIRS,
  MEETING_CONVENED_BY,
  MEETING_PARTICIPANTS,
  MEETING_PLACE,
  MEETING_SOURCES,
  MEETING_STATEMENTS,
  MEETING_TOPICS,
  meetingsQuery,
} from './meeting.cypher';
import { Meeting, MeetingConnection, MeetingOrder, MeetingFilter } from './meeting.type';

@Resolver(() => Meeting)
@FieldResolvers({
  place: relationOne(() => Place, MEETING_PLACE, { nullable: true }),
  convenedBy: relationList(() => Organization, MEETING_CONVENED_BY),
  chairs: relationList(() => Actor, MEETING_CHAIRS),
  participants: relationList(() => Actor, MEETING_PARTICIPANTS, {
    description: 'Actors the source names as attending (chairs are listed in `chairs`).',
  }),
  participantsConnection: connectionField(() => ActorConnection, MEETING_PARTICIPANTS, {
    description: 'All of `participants`, paged.',
  }),
  topics: relationList(() => Topic, MEETING_TOPICS),
  statements: relationList(() => Statement, MEETING_STATEMENTS),
  statementsConnection: connectionField(() => StatementConnection, MEETING_STATEMENTS, {
    description: 'All statements made at the meeting, paged.',
  }),
  ...evidenceFields(Label.Meeting),
  sources: relationList(() => Source, MEETING_SOURCES, {
    description: 'The documents that report the meeting.',
  }),
  claims: relationList(() => Claim, MEETING_CLAIMS, {
    description:
      'What each source says of its date, place, status and figures, by field, then by publication: where reports agree and where they differ.',
  }),
  claimsConnection: connectionField(() => ClaimConnection, MEETING_CLAIMS, {
    description: 'All of `claims`, paged.',
  }),
  ...eventCodeFields({
    cameo: 'CAMEO event code, e.g. 044 (meet at a third location).',
    plover: 'PLOVER event type, e.g. CONSULT.',
  }),
})
export class MeetingResolver {
  @Query(() => MeetingConnection, {
    description: 'Meetings in date order, filtered by date, place, participant, chair or topic.',
  })
  async meetings(
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => MeetingOrder.values, { nullable: true, description: 'Default DATE_ASC.' })
    orderBy: MeetingOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Meeting>> {
    const criteria = {
      corroboration: corroborationCriteria(filter),
      from: toIsoDate(filter?.from),
      to: toIsoDate(filter?.to),
      place: filter?.place ?? null,
      participant: filter?.participant ?? null,
      chair: filter?.chair ?? null,
      topic: filter?.topic ?? null,
      status: filter?.status ?? null,
    };
    const { spec, ordering } = orderedListing(MeetingOrder, orderBy, meetingsQuery(criteria));
    return rootConnection<Meeting>(ctx.reader, 'meetings', spec, args, planConnectionItems(info), ordering);
  }
}
