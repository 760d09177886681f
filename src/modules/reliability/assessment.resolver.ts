/** The audit trail of every editor's judgement (grades, credibility ratings, dismissed duplicates). */
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import type { ConnectionShape } from '../common/connection.type';
import { PageArgs } from '../common/page-args';
import { rootConnection } from '../common/paged-connection';
import { assessmentsListing } from './assessment.cypher';
import { Assessment, AssessmentConnection, AssessmentKind } from './assessment.type';

// A class of its own: `assessments` is also a field of publishers and facts, declared on theirs.
@Resolver(() => Assessment)
export class AssessmentResolver {
  @Authorized('editor')
  @Query(() => AssessmentConnection, {
    description: 'The audit trail of grades, credibility ratings and dismissed duplicates, oldest first.',
  })
  async assessments(
    @Arg('kind', () => AssessmentKind, { nullable: true }) kind: AssessmentKind | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Assessment>> {
    return rootConnection<Assessment>(ctx.reader, 'assessments', assessmentsListing(kind ?? null), args);
  }
}
