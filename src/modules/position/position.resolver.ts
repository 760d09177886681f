/** Positions: the filtered listing ("who stressed US involvement?"), holder, topic, statements, says who. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import type { ConnectionShape } from '../common/connection.type';
import { eventCodeFields } from '../common/event-code.fields';
import { FieldResolvers } from '../common/field-resolvers';
import { corroborationCriteria } from '../corroboration/corroboration-criteria';
import { PageArgs } from '../common/page-args';
import { relationList, relationOne } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { Actor } from '../node/node.interface';
import { Statement } from '../statement/statement.type';
import { Topic } from '../topic/topic.type';
import { POSITION_HOLDER, POSITION_STATEMENTS, POSITION_TOPIC, positionsQuery } from './position.cypher';
import { Position, PositionConnection, PositionOrder, PositionFilter } from './position.type';

@Resolver(() => Position)
@FieldResolvers({
  holder: relationOne(() => Actor, POSITION_HOLDER),
  topic: relationOne(() => Topic, POSITION_TOPIC),
  statements: relationList(() => Statement, POSITION_STATEMENTS),
  ...evidenceFields(Label.Position, { paged: false }),
  ...eventCodeFields(),
})
export class PositionResolver {
  @Query(() => PositionConnection, {
    description: 'Stances in date order, filtered by stance, holder or topic (narrower topics included).',
  })
  async positions(
    @Arg('filter', () => PositionFilter, { nullable: true }) filter: PositionFilter | null,
    @Arg('orderBy', () => PositionOrder.values, { nullable: true, description: 'Default DATE_ASC.' })
    orderBy: PositionOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Position>> {
    const criteria = {
      corroboration: corroborationCriteria(filter),
      stances: filter?.stance ?? null,
      holder: filter?.holder ?? null,
      topic: filter?.topic ?? null,
    };
    const { spec, ordering } = orderedListing(PositionOrder, orderBy, positionsQuery(criteria));
    return rootConnection<Position>(ctx.reader, 'positions', spec, args, planConnectionItems(info), ordering);
  }
}
