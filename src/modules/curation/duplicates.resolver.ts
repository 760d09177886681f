/**
 * The editors' queue of possible duplicates an import left (`possibleDuplicates`), and dismissing a
 * pair that is not one (`dismissDuplicate`, recorded as a NOT_DUPLICATE Assessment).
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { Label, labelForId } from '../../graph/model';
import type { Page } from '../../graph/page-spec';
import type { RequestContext } from '../../server/context';
import { toConnection, type ConnectionShape } from '../common/connection.type';
import { PageArgs, toPageRequest } from '../common/page-args';
import { Assessment } from '../reliability/assessment.type';
import { Source } from '../source/source.type';
import { checkedReason } from '../write/reason';
import { possibleDuplicatesCountQuery, possibleDuplicatesQuery } from './duplicates.cypher';
import { EntityKind, LABEL_OF_KIND } from './entity-kind.type';
import { isMergeableLabel, MERGEABLE_LABELS } from './merge.plan';
import { PossibleDuplicate, PossibleDuplicateConnection } from './possible-duplicate.type';

const LIST = 'possibleDuplicates';

@Resolver(() => PossibleDuplicate)
export class DuplicatesResolver {
  @Authorized('editor')
  @Query(() => PossibleDuplicateConnection, {
    description: 'Pairs an import found alike but did not match, oldest first; `kind` narrows to some kinds.',
  })
  async possibleDuplicates(
    @Arg('kind', () => [EntityKind], { nullable: true }) kind: EntityKind[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<PossibleDuplicate>> {
    const labels =
      kind && kind.length > 0 ? [...new Set(kind.map((k) => LABEL_OF_KIND[k]))] : MERGEABLE_LABELS;
    const window = toPageRequest(args, LIST);
    const rows = await ctx.reader.read(possibleDuplicatesQuery(labels, window));
    const items = rows.map((row) => ({
      key: row.key as string,
      node: {
        id: row.pairId as string,
        a: row.a,
        b: row.b,
        score: row.score,
        reason: row.reason ?? '',
        at: row.at,
        sourceId: row.sourceId,
      } as unknown as PossibleDuplicate,
    }));
    const page: Page<PossibleDuplicate> = {
      items: items.slice(0, window.first),
      hasNextPage: items.length > window.first,
      totalCount: async () =>
        (await ctx.reader.read(possibleDuplicatesCountQuery(labels)))[0].totalCount as number,
    };
    return toConnection(page, LIST);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source whose import found the pair.' })
  async source(@Root() pair: PossibleDuplicate, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return pair.sourceId ? ctx.reader.nodeById<Source>(Label.Source, pair.sourceId) : null;
  }

  @Authorized('editor')
  @Mutation(() => Assessment, {
    description:
      'Two nodes an import found alike are not the same: removes their possible-duplicate link and records why (a NOT_DUPLICATE assessment of both).',
  })
  async dismissDuplicate(
    @Arg('a', () => ID) a: string,
    @Arg('b', () => ID) b: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Assessment> {
    const label = labelForId(a);
    if (!isMergeableLabel(label) || labelForId(b) !== label || a === b) {
      throw new BadUserInputError('`a` and `b` must be the ids of two nodes of one kind.', { argument: 'b' });
    }
    const assessment = await ctx.assessments.dismissDuplicate({
      label,
      a,
      b,
      reason: checkedReason(reason),
      by: ctx.principal!.keyId,
    });
    return assessment as unknown as Assessment;
  }
}
