/** `stanceHistory`: how a holder's stance on a topic changed, run by run. */
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors';
import { actorLabelForId } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import { ListArgs } from '../common/list-args';
import { pageSize } from '../common/page-args';
import { Evidence } from '../evidence/evidence.type';
import { Position, type Stance } from '../position/position.type';
import { MAX_STANCE_HISTORY_POSITIONS, stanceHistoryQuery } from './stance-history.cypher';
import { StanceChange } from './stance-history.type';
import { stanceRuns } from './stance-runs';

type EvidenceItem = Evidence & { id: string; sourceId: string };

interface HistoryRow {
  position: Position & { stance: Stance };
  reported: string | null;
  evidence: EvidenceItem[];
  mentionedBy: string[];
}

@Resolver(() => StanceChange)
export class StanceHistoryResolver {
  @Query(() => [StanceChange], {
    description: `How an actor's stance on a topic changed: its positions in date order (undated ones by when they were first reported), one StanceChange per run of the same stance. \`holder\` is exactly that actor, as \`positions(filter: { holder })\` reads it (a nation's officials hold positions of their own); \`topic\` is a topic name or alias, narrower topics included. Reads the ${MAX_STANCE_HISTORY_POSITIONS} most recent positions.`,
  })
  async stanceHistory(
    @Arg('holder', () => ID) holder: string,
    @Arg('topic', () => String) topic: string,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceChange[]> {
    const label = actorLabelForId(holder);
    if (!label) {
      throw new BadUserInputError(
        '`holder` must be the id of a nation, official or organization (e.g. nation:usa).',
        { argument: 'holder' },
      );
    }
    const rows = (await ctx.reader.read(
      stanceHistoryQuery({ id: holder, label }, topic),
    )) as unknown as HistoryRow[];
    // An empty history may be an unknown holder: say so rather than answer with nothing.
    if (rows.length === 0 && !(await ctx.reader.nodeById(label, holder))) {
      throw new NotFoundError(`No actor has the id "${holder.slice(0, 100)}".`, { id: holder });
    }
    return stanceRuns(
      rows.map((row) => ({ stance: row.position.stance, reported: row.reported, item: row })),
    ).map((run) => ({
      stance: run.stance as Stance,
      from: run.from,
      until: run.until,
      positions: run.items.map((row) => row.position),
      evidence: run.items.flatMap((row) => row.evidence),
      sourceCount: new Set(
        run.items.flatMap((row) => [...row.mentionedBy, ...row.evidence.map((e) => e.sourceId)]),
      ).size,
    }));
  }

  @FieldResolver(() => [Position], { description: 'The positions of this run, oldest first.' })
  positions(@Root() change: StanceChange, @Args(() => ListArgs) args: ListArgs): Position[] {
    return change.positions.slice(0, pageSize(args.first));
  }

  @FieldResolver(() => [Evidence], { description: 'Their excerpts, position by position.' })
  evidence(@Root() change: StanceChange, @Args(() => ListArgs) args: ListArgs): Evidence[] {
    return change.evidence.slice(0, pageSize(args.first));
  }
}
