/** Root listing of source documents. */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { rootConnection } from '../common/paged-connection';
import type { ConnectionShape } from '../common/connection.type';
import { PageArgs } from '../common/page-args';
import { ALL_SOURCES } from './source.cypher';
import { Source, SourceConnection } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Source documents, oldest first.' })
  async sources(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Source>> {
    return rootConnection<Source>(ctx.reader, 'sources', ALL_SOURCES, args, planConnectionItems(info));
  }
}
