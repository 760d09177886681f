/** Root listing of source documents, and a source's text when a lookup left it out. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planConnectionItems } from '../prefetch/selection-plan';
import { orderedListing } from '../common/list-order';
import { rootConnection } from '../common/paged-connection';
import type { ConnectionShape } from '../common/connection.type';
import { PageArgs } from '../common/page-args';
import { ALL_SOURCES, sourceTextsQuery } from './source.cypher';
import { Source, SourceConnection, SourceOrder } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, {
    description: 'Source documents, oldest first unless `orderBy` says otherwise.',
  })
  async sources(
    @Arg('orderBy', () => SourceOrder.values, { nullable: true, description: 'Default DATE_ASC.' })
    orderBy: SourceOrder | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Source>> {
    const { spec, ordering } = orderedListing(SourceOrder, orderBy, ALL_SOURCES);
    return rootConnection<Source>(ctx.reader, 'sources', spec, args, planConnectionItems(info), ordering);
  }

  /**
   * Lookups by id and search leave the full text out (graph/lookup-projection.cypher.ts): it is
   * loaded here, for every source of the request in one statement, only when selected.
   */
  @FieldResolver(() => String)
  async text(@Root() source: Source, @Ctx() ctx: RequestContext): Promise<string> {
    if (typeof source.text === 'string') return source.text;
    return ctx.reader.batched('source-text', source.id, async (ids) => {
      const rows = await ctx.reader.read(sourceTextsQuery(ids));
      const texts = new Map(rows.map((row) => [row.id as string, row.text as string]));
      return ids.map((id) => texts.get(id) ?? '');
    });
  }
}
