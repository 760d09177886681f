/** `contradictions`: where sources disagree, paged; and each side's facts, sources and evidence. */
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { toConnection, type ConnectionShape } from '../common/connection.type';
import { ListArgs } from '../common/list-args';
import { decodeCursor, PageArgs, pageSize } from '../common/page-args';
import { toIsoDate } from '../common/scalars';
import { Evidence } from '../evidence/evidence.type';
import { Node } from '../node/node.interface';
import { Source } from '../source/source.type';
import { contradictionKey, findContradictions } from './contradiction.service';
import {
  Contradiction,
  ContradictionConnection,
  ContradictionFilter,
  ContradictionSide,
} from './contradiction.type';
import { MAX_CONTRADICTION_SUBJECTS, MAX_FACTS_PER_SUBJECT } from './contradiction.cypher';

const LIST = 'contradictions';

/** Sources by id, in publication order (batched with every other lookup of the request). */
export async function sourcesById(
  ctx: RequestContext,
  ids: readonly string[],
  first: number,
): Promise<Source[]> {
  const found = await Promise.all(ids.map((id) => ctx.reader.nodeById<Source>(Label.Source, id)));
  return found
    .filter((source): source is Source => source !== null)
    .sort((a, b) =>
      a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.id < b.id ? -1 : 1,
    )
    .slice(0, first);
}

@Resolver(() => Contradiction)
export class ContradictionResolver {
  @Query(() => ContradictionConnection, {
    description: `Where sources disagree (docs/corroboration.md): a meeting's figures, date or place, an official's office, a holder's stance on a topic; retracted facts never take part. In date order (undated last), then kind and subject. Computed from the first ${MAX_CONTRADICTION_SUBJECTS} candidate subjects of each kind (by date for meetings, by id otherwise) and at most ${MAX_FACTS_PER_SUBJECT} facts each: narrow with \`subject\` or dates beyond that.`,
  })
  async contradictions(
    @Arg('filter', () => ContradictionFilter, { nullable: true }) filter: ContradictionFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Contradiction>> {
    const first = pageSize(args.first);
    const after = args.after == null ? undefined : decodeCursor(args.after, LIST);
    const all = await findContradictions(ctx.reader, {
      kinds: filter?.kind ?? [],
      subject: filter?.subject ?? null,
      from: toIsoDate(filter?.from),
      to: toIsoDate(filter?.to),
    });
    const items = all
      .map((node) => ({ key: contradictionKey(node), node }))
      .filter(({ key, node }) => !after || key > after.key || (key === after.key && node.id > after.id));
    return toConnection(
      { totalCount: all.length, items: items.slice(0, first), hasNextPage: items.length > first },
      LIST,
    );
  }
}

@Resolver(() => ContradictionSide)
export class ContradictionSideResolver {
  @FieldResolver(() => [Node], {
    description: 'The facts that hold this value: the meeting, roles or positions.',
  })
  facts(@Root() side: ContradictionSide, @Args(() => ListArgs) args: ListArgs): Node[] {
    return side.facts.slice(0, pageSize(args.first));
  }

  @FieldResolver(() => [Source], { description: 'The sources that give this value, in publication order.' })
  sources(
    @Root() side: ContradictionSide,
    @Args(() => ListArgs) args: ListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Source[]> {
    return sourcesById(ctx, side.sourceIds, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence], { description: 'Their words, excerpt by excerpt.' })
  evidence(@Root() side: ContradictionSide, @Args(() => ListArgs) args: ListArgs): Evidence[] {
    return side.evidence.slice(0, pageSize(args.first));
  }
}
