/**
 * Mutations. Writes need the editor role; retractions need admin, since they hide facts from every
 * reader. Every mutation is one transaction and safe to repeat: ids are given or derived from content.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors';
import { Label, labelForId } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { rootConnection } from '../common/paged-connection';
import { PageArgs } from '../common/page-args';
import { toIsoDate } from '../common/scalars';
import { Meeting } from '../meeting/meeting.type';
import { Nation } from '../nation/nation.type';
import { Official } from '../official/official.type';
import { Organization } from '../organization/organization.type';
import { Place } from '../place/place.type';
import { Position } from '../position/position.type';
import { Source } from '../source/source.type';
import { Statement } from '../statement/statement.type';
import { Topic } from '../topic/topic.type';
import { Retraction, RetractionConnection, WriteResult } from './retraction.type';
import { checkedReason } from './reason';
import { ALL_RETRACTIONS } from './write.cypher';
import {
  MeetingInput,
  NationInput,
  OfficialInput,
  OrganizationInput,
  PlaceInput,
  PositionInput,
  SourceInput,
  StatementInput,
  TopicInput,
} from './write.inputs';
import { derivedId, RECORD, UPSERT } from './write.service';

/**
 * What may be retracted: facts, which nothing requires. Entities (nations, officials, topics,
 * sources...) are the non-null ends of facts, e.g. Statement.speaker, so hiding one would break
 * reads of every fact that points at it; they are corrected with their upsert mutation instead.
 */
export const RETRACTABLE_LABELS: readonly Label[] = [
  Label.Meeting,
  Label.Statement,
  Label.Position,
  Label.Role,
];

@Resolver(() => Retraction)
export class WriteResolver {
  @Authorized('editor')
  @Mutation(() => Source, {
    description:
      'Adds a source document, or updates its metadata. Its text never changes once stored (evidence points into it): a new text needs a new id.',
  })
  async upsertSource(
    @Arg('input', () => SourceInput) input: SourceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return (await ctx.writes.upsertSource(input)) as unknown as Source;
  }

  @Authorized('editor')
  @Mutation(() => Nation, {
    description: 'Creates or corrects a nation (a new name keeps the old one as an alias).',
  })
  async upsertNation(
    @Arg('input', () => NationInput) input: NationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Nation> {
    await ctx.writes.write('nations', { ...input, aliases: input.aliases ?? [] }, UPSERT);
    return ctx.writes.readBack(Label.Nation, input.id);
  }

  @Authorized('editor')
  @Mutation(() => Official, { description: 'Creates or corrects an official and their roles.' })
  async upsertOfficial(
    @Arg('input', () => OfficialInput) input: OfficialInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Official> {
    const roles = (input.roles ?? []).map((role) => ({
      ...role,
      since: toIsoDate(role.since),
      until: toIsoDate(role.until),
    }));
    await ctx.writes.write('officials', { ...input, aliases: input.aliases ?? [], roles }, UPSERT);
    return ctx.writes.readBack(Label.Official, input.id);
  }

  @Authorized('editor')
  @Mutation(() => Organization, {
    description: 'Creates or corrects an organization, its members and leaders.',
  })
  async upsertOrganization(
    @Arg('input', () => OrganizationInput) input: OrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    await ctx.writes.write(
      'organizations',
      { ...input, aliases: input.aliases ?? [], members: input.members ?? [], leaders: input.leaders ?? [] },
      UPSERT,
    );
    return ctx.writes.readBack(Label.Organization, input.id);
  }

  @Authorized('editor')
  @Mutation(() => Place)
  async upsertPlace(
    @Arg('input', () => PlaceInput) input: PlaceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Place> {
    await ctx.writes.write('places', { ...input, aliases: input.aliases ?? [] }, UPSERT);
    return ctx.writes.readBack(Label.Place, input.id);
  }

  @Authorized('editor')
  @Mutation(() => Topic, { description: 'Creates or corrects a topic of the taxonomy.' })
  async upsertTopic(
    @Arg('input', () => TopicInput) input: TopicInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Topic> {
    await ctx.writes.write(
      'topics',
      { ...input, aliases: input.aliases ?? [], evidence: input.evidence ?? [] },
      UPSERT,
    );
    return ctx.writes.readBack(Label.Topic, input.id);
  }

  @Authorized('editor')
  @Mutation(() => Meeting, {
    description: 'Records a meeting with its evidence; every referenced id must exist.',
  })
  async recordMeeting(
    @Arg('input', () => MeetingInput) input: MeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    const date = toIsoDate(input.date)!;
    const id = input.id ?? `meeting:${date}-${derivedId('x', input.title).slice(2)}`;
    await ctx.writes.write(
      'meetings',
      {
        ...input,
        id,
        date,
        convenedBy: input.convenedBy ?? [],
        chairs: input.chairs ?? [],
        participants: input.participants ?? [],
        topics: input.topics ?? [],
      },
      RECORD,
    );
    return ctx.writes.readBack(Label.Meeting, id);
  }

  @Authorized('editor')
  @Mutation(() => Statement, { description: 'Records a statement (a QUOTE must be verbatim in its source).' })
  async recordStatement(
    @Arg('input', () => StatementInput) input: StatementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Statement> {
    const date = toIsoDate(input.date);
    const id = input.id ?? derivedId('statement', input.speaker, input.text, date);
    await ctx.writes.write('statements', { ...input, id, date, topics: input.topics ?? [] }, RECORD);
    return ctx.writes.readBack(Label.Statement, id);
  }

  @Authorized('editor')
  @Mutation(() => Position, { description: 'Records the stance an actor took on a topic.' })
  async recordPosition(
    @Arg('input', () => PositionInput) input: PositionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    const date = toIsoDate(input.date);
    const id = input.id ?? derivedId('position', input.holder, input.stance, input.topic, date);
    await ctx.writes.write('positions', { ...input, id, date, statements: input.statements ?? [] }, RECORD);
    return ctx.writes.readBack(Label.Position, id);
  }

  @Authorized('editor')
  @Mutation(() => WriteResult, {
    description:
      'Imports a whole document in the import format (docs/document-format.md), validated exactly as `npm run import`.',
  })
  async importDocument(
    @Arg('document', () => GraphQLJSONObject) document: Record<string, unknown>,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const outcome = await ctx.writes.importDocument(document);
    return { ...outcome, bookmarks: ctx.issuedBookmarks() };
  }

  @Authorized('admin')
  @Mutation(() => Retraction, {
    description:
      'Retracts a fact (a meeting, statement, position or role) with a reason: it stays in the graph for the audit trail and leaves normal reads. Repeating it returns the first retraction.',
  })
  async retract(
    @Arg('id', () => String) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Retraction> {
    const label = labelForId(id);
    if (!label || !RETRACTABLE_LABELS.includes(label)) {
      throw new BadUserInputError(
        'Only facts can be retracted: `id` must be the id of a meeting, statement, position or role (meeting:..., statement:..., position:..., role:...). Correct other entities with their upsert mutation.',
        { argument: 'id' },
      );
    }
    const retraction = {
      id: `retraction:${id}`,
      reason: checkedReason(reason),
      retractedAt: new Date().toISOString(),
      retractedBy: ctx.principal!.keyId,
    };
    const stored = await ctx.writes.retract(label, id, retraction);
    if (!stored) throw new NotFoundError(`No fact has the id "${id.slice(0, 100)}".`, { id });
    return stored as unknown as Retraction;
  }

  @Query(() => RetractionConnection, { description: 'The audit trail of retractions, oldest first.' })
  async retractions(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return rootConnection<Retraction>(ctx.reader, 'retractions', ALL_RETRACTIONS, args);
  }

  @FieldResolver(() => String)
  retractedAt(@Root() retraction: Retraction & { recordedAt?: string }): string {
    return retraction.recordedAt ?? retraction.retractedAt;
  }
}
