/** Actor networks with their measures: who links to whom, and who is central. */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DateScalar, toIsoDate } from '../common/scalars';
import { MAX_NETWORK_SIZE } from './network.cypher';
import { networkAnswer, NetworkService } from './network.service';
import { Network, NetworkKind } from './network.type';

const NODES =
  'Nodes are nations, organizations, and officials with no nation on record: an official with a nation counts as that nation (as in `coAttendance`), and an official id given as an argument stands for that nation.';
const MEASURES = `Degree, weighted degree, normalized betweenness and Louvain community are computed on the network returned. Retracted facts and actors never count. At most ${MAX_NETWORK_SIZE} links and ${MAX_NETWORK_SIZE} actors: a larger network is a BAD_USER_INPUT error, never a cut answer.`;

@Resolver()
export class NetworkResolver {
  @Query(() => Network, {
    description: `The network of actors linked by \`kind\` in the period (inclusive; undated positions are left out when \`from\` or \`to\` is given), optionally only among \`actors\` (who then all appear, linked or not) and only for meetings or positions about \`topic\` or a narrower topic. ${NODES} ${MEASURES}`,
  })
  async network(
    @Arg('kind', () => NetworkKind) kind: NetworkKind,
    @Arg('from', () => DateScalar, { nullable: true }) from: Date | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: Date | null,
    @Arg('actors', () => [ID], { nullable: true }) actors: string[] | null,
    @Arg('topic', () => ID, { nullable: true }) topic: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Network> {
    const result = await new NetworkService(ctx.reader).network({
      kind,
      from: toIsoDate(from),
      to: toIsoDate(to),
      actors: actors ?? null,
      topic: topic ?? null,
    });
    return networkAnswer(result);
  }

  @Query(() => Network, {
    description: `An actor, its neighbours up to \`depth\` hops (1 to 3) in the network of \`kind\` in the period, and the links among them. ${NODES} ${MEASURES}`,
  })
  async egoNetwork(
    @Arg('actor', () => ID) actor: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth: number | null,
    @Arg('kind', () => NetworkKind, { defaultValue: NetworkKind.CO_ATTENDANCE }) kind: NetworkKind,
    @Arg('from', () => DateScalar, { nullable: true }) from: Date | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Network> {
    const result = await new NetworkService(ctx.reader).egoNetwork({
      actor,
      depth: depth ?? 1,
      kind,
      from: toIsoDate(from),
      to: toIsoDate(to),
    });
    return networkAnswer(result);
  }
}
