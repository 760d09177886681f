/** Publishers: the list, their grade, sources and assessments, and grading them. */
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import type { ConnectionShape } from '../common/connection.type';
import { FieldResolvers } from '../common/field-resolvers';
import { PageArgs } from '../common/page-args';
import { rootConnection } from '../common/paged-connection';
import { relationList } from '../common/relation-field';
import { planConnectionItems } from '../prefetch/selection-plan';
import { checkedReason } from '../write/reason';
import { ALL_PUBLISHERS, assessmentsOf, publisherSourceCountsQuery } from './assessment.cypher';
import { Assessment } from './assessment.type';
import { Publisher, PublisherConnection } from './publisher.type';
import { DEFAULT_RELIABILITY, Reliability, RELIABILITY_GRADES } from './reliability.type';

/** A publisher name as sources give it (the article gate's limit). */
export const MAX_PUBLISHER_LENGTH = 200;

@Resolver(() => Publisher)
@FieldResolvers({
  assessments: relationList(() => Assessment, assessmentsOf(Label.Publisher), {
    description: 'Every grading of it, oldest first.',
  }),
})
export class PublisherResolver {
  @Query(() => PublisherConnection, { description: 'Publishers of the sources, by name.' })
  async publishers(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Publisher>> {
    return rootConnection<Publisher>(
      ctx.reader,
      'publishers',
      ALL_PUBLISHERS,
      args,
      planConnectionItems(info),
    );
  }

  @FieldResolver(() => Reliability, {
    description: 'Its grade; F (cannot be judged) until an editor grades it.',
  })
  reliability(@Root() publisher: Publisher & { reliability?: unknown }): Reliability {
    return RELIABILITY_GRADES.includes(publisher.reliability as Reliability)
      ? (publisher.reliability as Reliability)
      : DEFAULT_RELIABILITY;
  }

  @FieldResolver(() => Int, { description: 'How many sources it published.' })
  async sourceCount(@Root() publisher: Publisher, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.reader.batched('Publisher.sourceCount', publisher.id, async (ids) => {
      const rows = await ctx.reader.read(publisherSourceCountsQuery(ids));
      const counts = new Map(rows.map((row) => [row.id as string, row.sources as number]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  @Authorized('editor')
  @Mutation(() => Publisher, {
    description:
      'Grades a publisher (named as sources name it; case, accents and punctuation ignored) with a written justification, kept as an Assessment. NOT_FOUND when no source has that publisher.',
  })
  async gradePublisher(
    @Arg('publisher', () => String) publisher: string,
    @Arg('grade', () => Reliability) grade: Reliability,
    @Arg('evidence', () => String) evidence: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Publisher> {
    const name = publisher.trim();
    if (name.length === 0 || name.length > MAX_PUBLISHER_LENGTH) {
      throw new BadUserInputError(
        `\`publisher\` must be a publisher's name, 1 to ${MAX_PUBLISHER_LENGTH} characters.`,
        { argument: 'publisher' },
      );
    }
    const graded = await ctx.assessments.gradePublisher({
      name,
      grade,
      evidence: checkedReason(evidence, 'evidence'),
      by: ctx.principal!.keyId,
    });
    return graded as unknown as Publisher;
  }
}
