/** Statements: the filtered listing, and who said it, where, about what, which stances, says who. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { rootConnection } from '../common/paged-connection';
import type { ConnectionShape } from '../common/connection.type';
import { eventCode, EventCode } from '../common/event-code.type';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { evidenceOf } from '../evidence/evidence.cypher';
import { Evidence } from '../evidence/evidence.type';
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
import { Statement, StatementConnection, StatementFilter } from './statement.type';

const STATEMENT_EVIDENCE = evidenceOf(Label.Statement);

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, {
    description: 'Statements in date order, filtered by speaker, meeting, topic or words.',
  })
  async statements(
    @Arg('filter', () => StatementFilter, { nullable: true }) filter: StatementFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Statement>> {
    const criteria = {
      speaker: filter?.speaker ?? null,
      meeting: filter?.meeting ?? null,
      topic: filter?.topic ?? null,
      text: filter?.text ?? null,
      kind: filter?.kind ?? null,
    };
    return rootConnection<Statement>(
      ctx.reader,
      'statements',
      statementsQuery(criteria),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Actor)
  async speaker(@Root() statement: Statement, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(STATEMENT_SPEAKER, statement);
  }

  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() statement: Statement, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(STATEMENT_MEETING, statement);
  }

  @FieldResolver(() => [Topic])
  topics(@Root() statement: Statement, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(STATEMENT_TOPICS, statement, pageSize(args.first));
  }

  @FieldResolver(() => [Position], { description: 'Stances this statement expresses.' })
  positions(@Root() statement: Statement, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(STATEMENT_POSITIONS, statement, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() statement: Statement, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(STATEMENT_EVIDENCE, statement, pageSize(args.first));
  }

  @FieldResolver(() => EventCode, { nullable: true })
  cameo(@Root() statement: Statement) {
    return eventCode(statement as unknown as Record<string, unknown>, 'cameo');
  }

  @FieldResolver(() => EventCode, { nullable: true })
  plover(@Root() statement: Statement) {
    return eventCode(statement as unknown as Record<string, unknown>, 'plover');
  }
}
