/** Meetings: the filtered listing and who convened, chaired and attended, where, about what, says who. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import type { ConnectionShape } from '../common/connection.type';
import { eventCode, EventCode } from '../common/event-code.type';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { toIsoDate } from '../common/scalars';
import { evidenceOf } from '../evidence/evidence.cypher';
import { relationConnection, rootConnection } from '../common/paged-connection';
import { Evidence, EvidenceConnection } from '../evidence/evidence.type';
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
import { Meeting, MeetingConnection, MeetingFilter } from './meeting.type';

const MEETING_EVIDENCE = evidenceOf(Label.Meeting);

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, {
    description: 'Meetings in date order, filtered by date, place, participant, chair or topic.',
  })
  async meetings(
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Meeting>> {
    const criteria = {
      from: toIsoDate(filter?.from),
      to: toIsoDate(filter?.to),
      place: filter?.place ?? null,
      participant: filter?.participant ?? null,
      chair: filter?.chair ?? null,
      topic: filter?.topic ?? null,
      status: filter?.status ?? null,
    };
    return rootConnection<Meeting>(
      ctx.reader,
      'meetings',
      meetingsQuery(criteria),
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Place, { nullable: true })
  place(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(MEETING_PLACE, meeting);
  }

  @FieldResolver(() => [Organization])
  convenedBy(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_CONVENED_BY, meeting, pageSize(args.first));
  }

  @FieldResolver(() => [Actor])
  chairs(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_CHAIRS, meeting, pageSize(args.first));
  }

  @FieldResolver(() => [Actor], {
    description: 'Actors the source names as attending (chairs are listed in `chairs`).',
  })
  participants(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_PARTICIPANTS, meeting, pageSize(args.first));
  }

  @FieldResolver(() => ActorConnection, { description: 'All of `participants`, paged.' })
  participantsConnection(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Actor>(ctx.reader, MEETING_PARTICIPANTS, meeting.id, args);
  }

  @FieldResolver(() => [Topic])
  topics(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_TOPICS, meeting, pageSize(args.first));
  }

  @FieldResolver(() => [Statement])
  statements(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_STATEMENTS, meeting, pageSize(args.first));
  }

  @FieldResolver(() => StatementConnection, { description: 'All statements made at the meeting, paged.' })
  statementsConnection(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Statement>(ctx.reader, MEETING_STATEMENTS, meeting.id, args);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_EVIDENCE, meeting, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return relationConnection<Evidence>(ctx.reader, MEETING_EVIDENCE, meeting.id, args);
  }

  @FieldResolver(() => [Source], { description: 'The documents that report the meeting.' })
  sources(@Root() meeting: Meeting, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(MEETING_SOURCES, meeting, pageSize(args.first));
  }

  @FieldResolver(() => EventCode, {
    nullable: true,
    description: 'CAMEO event code, e.g. 044 (meet at a third location).',
  })
  cameo(@Root() meeting: Meeting) {
    return eventCode(meeting as unknown as Record<string, unknown>, 'cameo');
  }

  @FieldResolver(() => EventCode, { nullable: true, description: 'PLOVER event type, e.g. CONSULT.' })
  plover(@Root() meeting: Meeting) {
    return eventCode(meeting as unknown as Record<string, unknown>, 'plover');
  }
}
