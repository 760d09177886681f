/** Statements: the filtered listing, and who said it, where, about what, which stances, says who. */
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
import { Meeting } from '../meeting/meeting.type';
import { Actor } from '../node/node.interface';
import { Position } from '../position/position.type';
import { Topic } from '../topic/topic.type';
import {
  STATEMENT_MEETING,
  STATEMENT_POSITIONS,
  STATEMENT_SPEAKER,
  STATEMENT_TOPICS,
  statementsQuery,
} from './statement.cypher';
import { Statement, StatementConnection, StatementOrder, StatementFilter } from './statement.type';

@Resolver(() => Statement)
@FieldResolvers({
  speaker: relationOne(() => Actor, STATEMENT_SPEAKER),
  meeting: relationOne(() => Meeting, STATEMENT_MEETING, { nullable: true }),
  topics: relationList(() => Topic, STATEMENT_TOPICS),
  positions: relationList(() => Position, STATEMENT_POSITIONS, {
    description: 'Stances this statement expresses.',
  }),
  ...evidenceFields(Label.Statement, { paged: false }),
  ...eventCodeFields(),
})
export class StatementResolver {
  @Query(() => StatementConnection, {
    description: 'Statements in date order, filtered by speaker, meeting, topic or words.',
  })
  async statements(
    @Arg('filter', () => StatementFilter, { nullable: true }) filter: StatementFilter | null,
    @Arg('orderBy', () => StatementOrder.values, { nullable: true, description: 'Default DATE_ASC.' })
    orderBy: StatementOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Statement>> {
    const criteria = {
      corroboration: corroborationCriteria(filter),
      speaker: filter?.speaker ?? null,
      meeting: filter?.meeting ?? null,
      topic: filter?.topic ?? null,
      text: filter?.text ?? null,
      kind: filter?.kind ?? null,
    };
    const { spec, ordering } = orderedListing(StatementOrder, orderBy, statementsQuery(criteria));
    return rootConnection<Statement>(
      ctx.reader,
      'statements',
      spec,
      args,
      planConnectionItems(info),
      ordering,
    );
  }
}
