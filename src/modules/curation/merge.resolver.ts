/**
 * Merging by hand what matching missed, and undoing it (admin), and the audit trail of merges
 * (editors and admins). The rules are in docs/corroboration.md; the story is in merge.service.ts.
 */
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { labelForId } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import type { ConnectionShape } from '../common/connection.type';
import { PageArgs } from '../common/page-args';
import { rootConnection } from '../common/paged-connection';
import { checkedReason } from '../write/reason';
import { MergeRecord, MergeRecordConnection } from './merge-record.type';
import { ALL_MERGE_RECORDS } from './merge.cypher';
import { isMergeableLabel, MERGEABLE_LABELS, type MergeableLabel } from './merge.plan';

function mergeableLabel(id: string, argument: string): MergeableLabel {
  const label = labelForId(id);
  if (!isMergeableLabel(label)) {
    throw new BadUserInputError(
      `\`${argument}\` must be the id of a ${MERGEABLE_LABELS.map((kind) => kind.toLowerCase()).join(', ')} (got ${JSON.stringify(id.slice(0, 60))}).`,
      { argument },
    );
  }
  return label;
}

@Resolver(() => MergeRecord)
export class MergeResolver {
  @Authorized('admin')
  @Mutation(() => MergeRecord, {
    description:
      'Merges `merge` into `keep`, two nodes of one kind: every link of `merge` moves to `keep`, its names become aliases of `keep`, its id an alias of `keep`, and a MergeRecord keeps what `undoMerge` needs.',
  })
  async mergeEntities(
    @Arg('keep', () => ID) keep: string,
    @Arg('merge', () => ID) merge: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeRecord> {
    const label = mergeableLabel(keep, 'keep');
    if (mergeableLabel(merge, 'merge') !== label) {
      throw new BadUserInputError(
        `\`keep\` and \`merge\` must be of one kind (got a ${label.toLowerCase()} and a ${labelForId(merge)!.toLowerCase()}).`,
        { argument: 'merge' },
      );
    }
    if (keep === merge) {
      throw new BadUserInputError('`keep` and `merge` are the same node: nothing to merge.', {
        argument: 'merge',
      });
    }
    const record = await ctx.merges.merge({
      label,
      keep,
      merge,
      reason: checkedReason(reason),
      by: ctx.principal!.keyId,
    });
    return record as unknown as MergeRecord;
  }

  @Authorized('admin')
  @Mutation(() => MergeRecord, {
    description:
      'Undoes a merge: the merged node comes back with its properties and links, `keep` loses what it gained only through the merge (links and facts added to it since stay), and the record is marked undone. Undoing twice is BAD_USER_INPUT.',
  })
  async undoMerge(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeRecord> {
    const record = await ctx.merges.undo({ id, reason: checkedReason(reason), by: ctx.principal!.keyId });
    return record as unknown as MergeRecord;
  }

  @Authorized('editor')
  @Query(() => MergeRecordConnection, { description: 'The audit trail of merges, oldest first.' })
  async mergeRecords(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<MergeRecord>> {
    return rootConnection<MergeRecord>(ctx.reader, 'mergeRecords', ALL_MERGE_RECORDS, args);
  }
}
