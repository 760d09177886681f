/** Positions: the filtered listing ("who stressed US involvement?"), holder, topic, statements, says who. */
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
import { Actor } from '../node/node.interface';
import { Statement } from '../statement/statement.type';
import { Topic } from '../topic/topic.type';
import { POSITION_HOLDER, POSITION_STATEMENTS, POSITION_TOPIC, positionsQuery } from './position.cypher';
import { Position, PositionConnection, PositionFilter } from './position.type';

const POSITION_EVIDENCE = evidenceOf(Label.Position);

@Resolver(() => Position)
export class PositionResolver {
  @Query(() => PositionConnection, {
    description: 'Stances in date order, filtered by stance, holder or topic (narrower topics included).',
  })
  async positions(
    @Arg('filter', () => PositionFilter, { nullable: true }) filter: PositionFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Position>> {
    const criteria = {
      stances: filter?.stance ?? null,
      holder: filter?.holder ?? null,
      topic: filter?.topic ?? null,
    };
    return rootConnection<Position>(
      ctx.reader,
      'positions',
      positionsQuery(criteria),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Actor)
  holder(@Root() position: Position, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(POSITION_HOLDER, position);
  }

  @FieldResolver(() => Topic)
  topic(@Root() position: Position, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(POSITION_TOPIC, position);
  }

  @FieldResolver(() => [Statement])
  statements(@Root() position: Position, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(POSITION_STATEMENTS, position, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() position: Position, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(POSITION_EVIDENCE, position, pageSize(args.first));
  }

  @FieldResolver(() => EventCode, { nullable: true })
  cameo(@Root() position: Position) {
    return eventCode(position as unknown as Record<string, unknown>, 'cameo');
  }

  @FieldResolver(() => EventCode, { nullable: true })
  plover(@Root() position: Position) {
    return eventCode(position as unknown as Record<string, unknown>, 'plover');
  }
}
