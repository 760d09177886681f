/** Topics: root listing, the taxonomy both ways, and what was said, taken or discussed about them. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { relationConnection, rootConnection } from '../common/paged-connection';
import { Evidence, EvidenceConnection } from '../evidence/evidence.type';
import { Meeting, MeetingConnection } from '../meeting/meeting.type';
import { Position, PositionConnection } from '../position/position.type';
import { Statement, StatementConnection } from '../statement/statement.type';
import {
  TOPIC_BROADER,
  TOPIC_EVIDENCE,
  TOPIC_MEETINGS,
  TOPIC_NARROWER,
  TOPIC_POSITIONS,
  TOPIC_STATEMENTS,
  topicsQuery,
} from './topic.cypher';
import { Topic, TopicConnection, TopicFilter } from './topic.type';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => TopicConnection, { description: 'Topics, by name.' })
  async topics(
    @Arg('filter', () => TopicFilter, { nullable: true }) filter: TopicFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Topic>> {
    return rootConnection<Topic>(
      ctx.reader,
      'topics',
      topicsQuery(filter ?? {}),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Topic, { nullable: true })
  broader(@Root() topic: Topic, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(TOPIC_BROADER, topic);
  }

  @FieldResolver(() => [Topic])
  narrower(@Root() topic: Topic, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(TOPIC_NARROWER, topic, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence], { description: 'Where sources name the topic, when recorded.' })
  evidence(@Root() topic: Topic, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(TOPIC_EVIDENCE, topic, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(@Root() topic: Topic, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Evidence>(ctx.reader, TOPIC_EVIDENCE, topic.id, args);
  }

  @FieldResolver(() => PositionConnection, { description: 'Positions on this topic or a narrower one.' })
  positions(@Root() topic: Topic, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Position>(ctx.reader, TOPIC_POSITIONS, topic.id, args);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements on this topic or a narrower one.' })
  statements(@Root() topic: Topic, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Statement>(ctx.reader, TOPIC_STATEMENTS, topic.id, args);
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings that discussed this topic or a narrower one.',
  })
  meetings(@Root() topic: Topic, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Meeting>(ctx.reader, TOPIC_MEETINGS, topic.id, args);
  }
}
