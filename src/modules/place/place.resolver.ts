/** Places: the country they are in (directly or through an enclosing place), and what happened there. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { ListArgs } from '../common/list-args';
import { PageArgs, pageSize } from '../common/page-args';
import { relationConnection } from '../common/paged-connection';
import { Evidence, EvidenceConnection } from '../evidence/evidence.type';
import { Meeting, MeetingConnection } from '../meeting/meeting.type';
import { Nation } from '../nation/nation.type';
import { PLACE_COUNTRY, PLACE_EVIDENCE, PLACE_MEETINGS, PLACE_WITHIN } from './place.cypher';
import { Place } from './place.type';

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Nation, { nullable: true })
  country(@Root() place: Place, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(PLACE_COUNTRY, place);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description: 'The enclosing place (NATO headquarters is within Brussels).',
  })
  within(@Root() place: Place, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationOne(PLACE_WITHIN, place);
  }

  @FieldResolver(() => [Evidence], { description: 'Where sources mention the place.' })
  evidence(@Root() place: Place, @Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    return ctx.reader.relationList(PLACE_EVIDENCE, place, pageSize(args.first));
  }

  @FieldResolver(() => EvidenceConnection, { description: 'All of `evidence`, paged.' })
  evidenceConnection(@Root() place: Place, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Evidence>(ctx.reader, PLACE_EVIDENCE, place.id, args);
  }

  @FieldResolver(() => MeetingConnection, { description: 'Meetings held here or at a place within it.' })
  meetings(@Root() place: Place, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return relationConnection<Meeting>(ctx.reader, PLACE_MEETINGS, place.id, args);
  }
}
