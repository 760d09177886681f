/** Root lookups that span types: `node(id)`, `search(text)` and `path(from, to)`. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors';
import { ENTITY_LABELS, ID_PREFIX, labelForId, type Label } from '../../graph/model';
import { luceneAllWords } from '../../graph/text';
import type { RequestContext } from '../../server/context';
import { MAX_PAGE_SIZE, pageSize } from '../common/page-args';
import { planLookupItem } from '../prefetch/selection-plan';
import { MAX_PATH_HOPS, searchQuery, shortestPathQuery } from './node.cypher';
import { Node } from './node.interface';
import { Path, SearchHit } from './node.type';

export const DEFAULT_MAX_HOPS = 4;

function labelFor(id: string, argument: string): Label {
  const label = labelForId(id);
  if (!label) {
    const prefixes = ENTITY_LABELS.map((entity) => `${ID_PREFIX[entity]}:`).join(', ');
    throw new BadUserInputError(
      `\`${argument}\` must be an id starting with one of ${prefixes} (got "${id.slice(0, 60)}").`,
      {
        argument,
      },
    );
  }
  return label;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any entity by id, e.g. `nation:gbr`; an alias id (matched on import, or merged) gives the node it stands for. Unknown ids are NOT_FOUND.',
  })
  async node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Node> {
    // The node's type is its id's prefix (typeNameFor), so the lookup is planned for that type,
    // and the relations selected under it come back in the same statement (fetch-ahead).
    const label = labelFor(id, 'id');
    const found = await ctx.reader.lookupNode<Node>(label, id, planLookupItem(info, label));
    if (!found) throw new NotFoundError(`No entity has the id "${id.slice(0, 100)}".`, { id });
    // An alias leads to a node of its own kind (imports match and editors merge within a kind); if
    // one ever led elsewhere, the plan would lack that type's fields, so read the node whole.
    const foundLabel = labelForId(found.id);
    if (foundLabel && foundLabel !== label)
      return (await ctx.reader.lookupNode<Node>(foundLabel, found.id)) ?? found;
    return found;
  }

  @Query(() => [SearchHit], {
    description:
      'Full-text search over names, aliases, statement text, titles and summaries, ranked across types.',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many hits: 1 to ${MAX_PAGE_SIZE}, default 20.`,
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SearchHit[]> {
    const lucene = luceneAllWords(text, 'text');
    const rows = await ctx.reader.read(searchQuery(lucene, pageSize(first)));
    return rows.map((row) => ({ score: row.score as number, node: row.node as unknown as Node }));
  }

  @Query(() => Path, {
    nullable: true,
    description: 'The shortest connection between two entities; null when none within `maxHops`.',
  })
  async path(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, {
      nullable: true,
      description: `1 to ${MAX_PATH_HOPS}, default ${DEFAULT_MAX_HOPS}.`,
    })
    maxHops: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Path | null> {
    const hops = maxHops ?? DEFAULT_MAX_HOPS;
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PATH_HOPS) {
      throw new BadUserInputError(`\`maxHops\` must be between 1 and ${MAX_PATH_HOPS} (got ${hops}).`, {
        argument: 'maxHops',
      });
    }
    const fromLabel = labelFor(from, 'from');
    const toLabel = labelFor(to, 'to');
    const rows =
      from === to
        ? []
        : await ctx.reader.read(
            shortestPathQuery({ label: fromLabel, id: from }, { label: toLabel, id: to }, hops),
          );
    if (rows.length === 0) {
      // No path found: only now tell an unknown id (NOT_FOUND) from entities that aren't connected.
      const [start, end] = await Promise.all([
        ctx.reader.nodeById<Node>(fromLabel, from),
        ctx.reader.nodeById<Node>(toLabel, to),
      ]);
      if (!start) throw new NotFoundError(`No entity has the id "${from.slice(0, 100)}".`, { id: from });
      if (!end) throw new NotFoundError(`No entity has the id "${to.slice(0, 100)}".`, { id: to });
      return from === to ? { nodes: [start], steps: [] } : null;
    }
    const steps = (rows[0].steps as { type: string; from: string; to: string }[]).map((step) => ({
      type: step.type,
      fromId: step.from,
      toId: step.to,
    }));
    return { nodes: rows[0].nodes as unknown as Node[], steps };
  }
}
