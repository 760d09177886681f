/** Topics: root listing, the taxonomy both ways, and what was said, taken or discussed about them. */
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
import { relationList, relationOne } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { MeetingConnection } from '../meeting/meeting.type';
import { PositionConnection } from '../position/position.type';
import { StatementConnection } from '../statement/statement.type';
import {
  TOPIC_BROADER,
  TOPIC_MEETINGS,
  TOPIC_NARROWER,
  TOPIC_POSITIONS,
  TOPIC_STATEMENTS,
} from './topic.cypher';
import { Topic, TopicConnection, TopicOrder, TopicFilter } from './topic.type';

@Resolver(() => Topic)
@FieldResolvers({
  broader: relationOne(() => Topic, TOPIC_BROADER, { nullable: true }),
  narrower: relationList(() => Topic, TOPIC_NARROWER),
  ...evidenceFields(Label.Topic, { description: 'Where sources name the topic, when recorded.' }),
  positions: connectionField(() => PositionConnection, TOPIC_POSITIONS, {
    description: 'Positions on this topic or a narrower one.',
  }),
  statements: connectionField(() => StatementConnection, TOPIC_STATEMENTS, {
    description: 'Statements on this topic or a narrower one.',
  }),
  meetings: connectionField(() => MeetingConnection, TOPIC_MEETINGS, {
    description: 'Meetings that discussed this topic or a narrower one.',
  }),
})
export class TopicResolver {
  @Query(() => TopicConnection, { description: 'Topics, by name.' })
  async topics(
    @Arg('filter', () => TopicFilter, { nullable: true }) filter: TopicFilter | null,
    @Arg('orderBy', () => TopicOrder.values, { nullable: true, description: 'Default NAME_ASC.' })
    orderBy: TopicOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Topic>> {
    const { spec, ordering } = orderedListing(
      TopicOrder,
      orderBy,
      namedListing(Label.Topic, filter ?? {}, corroborationCriteria(filter)),
    );
    return rootConnection<Topic>(ctx.reader, 'topics', spec, args, planConnectionItems(info), ordering);
  }
}
