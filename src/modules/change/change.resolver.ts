/**
 * `changes`: the change log paged from a cursor, so a client can sync (docs/change-feed.md), and
 * `changesHead`, the cursor of the latest entry, to start from "now". Read access as any read.
 */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { ChangeKind, changeLogHeadQuery } from '../../graph/change-log.cypher';
import type { RequestContext } from '../../server/context';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '../common/page-args';
import type { Node } from '../node/node.interface';
import { checkWithinLog, decodeChangeCursor, encodeChangeCursor } from './change-cursor';
import { changesPageQuery, type ChangePageRow } from './change.cypher';
import { ChangeConnection, type Change } from './change.type';

@Resolver()
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      'The change log, oldest first: every write appends what it changed (facts recorded, entities upserted, facts retracted, entities merged), in commit order, shared by every instance. To stay in sync, page from your last `endCursor` until `hasNextPage` is false; an empty page keeps `endCursor` at `after`. See docs/change-feed.md.',
  })
  async changes(
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Entries after this cursor (`endCursor`, an edge `cursor` or `changesHead`); omitted: from the start.',
    })
    after: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many entries: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`,
    })
    first: number | null,
    @Arg('kinds', () => [ChangeKind], {
      nullable: true,
      description:
        'Only entries of these kinds; omitted: all. A cursor is a position in the whole log, valid with any kinds.',
    })
    kinds: ChangeKind[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangeConnection> {
    const size = pageSize(first);
    const from = after == null ? 0 : decodeChangeCursor(after);
    if (kinds?.length === 0) {
      throw new BadUserInputError('`kinds` is empty, so nothing could match; omit it for every kind.', {
        argument: 'kinds',
      });
    }
    const [row] = (await ctx.reader.read(changesPageQuery(from, size + 1, kinds ?? null))) as unknown as [
      ChangePageRow,
    ];
    checkWithinLog(from, row.head);
    const entries = [...row.changes].sort((a, b) => a.change.seq - b.change.seq);
    const page = entries.slice(0, size);
    const edges = page.map(({ change, subject }) => ({
      cursor: encodeChangeCursor(change.seq),
      node: { ...change, subject: subject as unknown as Node | null } satisfies Change,
    }));
    return {
      nodes: edges.map((edge) => edge.node),
      edges,
      pageInfo: {
        hasNextPage: entries.length > size,
        endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : (after ?? null),
      },
    };
  }

  @Query(() => String, {
    description:
      'The cursor of the latest change. Take it first, then read what you need; paging `changes` from it later gives everything written since.',
  })
  async changesHead(@Ctx() ctx: RequestContext): Promise<string> {
    const [row] = await ctx.reader.read(changeLogHeadQuery());
    return encodeChangeCursor(Number(row.head));
  }
}
