/**
 * Merging two nodes an import did not recognise as one, and undoing it, each as one story in one
 * write transaction: lock, read, check, snapshot, write. Every check runs under the locks of both
 * nodes, so racing merges of the same nodes are decided as if they had run one after the other.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../../errors';
import { ChangeKind } from '../../graph/change-log.cypher';
import type { Row, WriteTransaction } from '../../graph/database';
import type { GraphWriter } from '../../graph/graph-writer';
import { Label } from '../../graph/model';
import type { TypedProperties } from '../../graph/typed-properties';
import { lockNodesQuery, lockTaxonomyQuery } from '../../graph/write-locks';
import { syncTopicIdsQuery } from '../../graph/position-topic.cypher';
import { syncTimelineCopiesQuery } from '../../graph/timeline-links.cypher';
import { changeKindFor } from '../../ingest/document.changes';
import { SINGLE_LINKS, topicCyclesQuery } from '../../ingest/graph-write.cypher';
import {
  aliasTargetQuery,
  createMergeAliasQuery,
  createMergeRecordQuery,
  deleteAliasQuery,
  deleteMergedQuery,
  linksOfQuery,
  linksToQuery,
  linkType,
  markUndoneQuery,
  mergeRecordQuery,
  mergeSubjectsQuery,
  moveLinksQuery,
  nodeLabel,
  recountQuery,
  restoreLinksQuery,
  restoreNodeQuery,
  setNamesQuery,
  unmoveLinksQuery,
  type MergeRecordProps,
} from './merge.cypher';
import {
  groupLinks,
  mergeNames,
  planLinks,
  touchedKeepLinks,
  unmergeNames,
  unmoveRows,
  type LinkSnapshot,
  type MergeableLabel,
  type MergeSnapshot,
} from './merge.plan';

export interface MergeRequest {
  label: MergeableLabel;
  keep: string;
  merge: string;
  reason: string;
  by: string;
}

export interface UndoRequest {
  id: string;
  reason: string;
  by: string;
}

function shown(id: string): string {
  return JSON.stringify(id.slice(0, 100));
}

/** A link read from the graph, in the model's vocabulary; one this code doesn't know stops the merge. */
function toLink(row: Row): LinkSnapshot {
  const type = linkType(row.type);
  const otherLabel = nodeLabel(row.otherLabels);
  if (!type || !otherLabel || typeof row.otherId !== 'string') {
    // Not the client's fault, and not something to merge past: the undo could not restore it.
    throw new Error(
      `merge met a relationship outside the model: ${String(row.type)} to ${JSON.stringify(row.otherLabels)}`,
    );
  }
  return {
    type,
    direction: row.direction === 'out' ? 'out' : 'in',
    otherLabel,
    otherId: row.otherId,
    props: row.props as unknown as TypedProperties,
  };
}

export class MergeService {
  constructor(private readonly writer: GraphWriter) {}

  /** Merges `merge` into `keep` (see docs/corroboration.md); returns the MergeRecord's properties. */
  async merge(request: MergeRequest): Promise<Row> {
    const { label, keep, merge } = request;
    return this.writer.write(async (tx) => {
      const ids = { keep, merge, record: `merge:${randomUUID()}` };
      // Topics queue on the taxonomy first, as imports that link broader topics do (ingest/document.loader.ts).
      if (label === Label.Topic) await tx.run(lockTaxonomyQuery());
      await tx.run(lockNodesQuery(label, [keep, merge], { create: false }));
      const subjects = await tx.run(mergeSubjectsQuery(label, [keep, merge]));
      const keepRow = subjects.find((row) => row.id === keep);
      const mergeRow = subjects.find((row) => row.id === merge);
      for (const [id, row] of [
        [keep, keepRow],
        [merge, mergeRow],
      ] as const) {
        if (!row) await this.notFound(tx, id, 'merged');
        if (row?.retracted === true) {
          throw new BadUserInputError(
            `${shown(id)} is retracted; a retracted fact is merged with nothing (it would come back into reads).`,
            { argument: id === keep ? 'keep' : 'merge' },
          );
        }
      }
      const keepProps = keepRow!.props as unknown as TypedProperties;
      const mergeProps = mergeRow!.props as unknown as TypedProperties;

      const mergeLinks = (await tx.run(linksOfQuery(label, merge))).map(toLink);
      const keepCandidates = (
        await tx.run(
          linksToQuery(
            label,
            keep,
            mergeLinks.map((link) => link.otherId),
            SINGLE_LINKS.map((link) => link.type),
          ),
        )
      ).map(toLink);
      const keepLinks = touchedKeepLinks(label, keepCandidates, mergeLinks);
      const planned = planLinks(label, ids, mergeLinks, keepLinks);
      const names = mergeNames(label, keepProps.values, mergeProps.values);
      const snapshot: MergeSnapshot = {
        version: 1,
        label,
        keep: { id: keep, props: keepProps },
        merge: { id: merge, props: mergeProps },
        mergeLinks: planned,
        keepLinks,
        addedNames: names?.added ?? null,
      };
      const record: MergeRecordProps = {
        id: ids.record,
        label,
        kept: keep,
        merged: merge,
        reason: request.reason,
        mergedBy: request.by,
        mergedAt: new Date().toISOString(),
        snapshot: JSON.stringify(snapshot),
      };
      const [created] = await tx.run(createMergeRecordQuery(record));

      const moved = planned.filter((link) => link.fate === 'moved');
      for (const group of groupLinks(moved, (link) => link.otherId)) {
        await tx.run(moveLinksQuery(label, ids, group));
      }
      if (names) await tx.run(setNamesQuery(label, keep, names));
      if (label === Label.Topic) await refuseTopicCycle(tx, keep);
      await tx.run(deleteMergedQuery(label, merge));
      await tx.run(
        createMergeAliasQuery(label, keep, {
          id: merge,
          reason: request.reason,
          decidedAt: record.mergedAt,
          mergeRecord: record.id,
        }),
      );
      await tx.run(recountQuery(label, [keep]));
      await syncCopies(tx, label, [keep]);
      tx.noteChanges([
        { kind: ChangeKind.ENTITIES_MERGED, subjectId: keep, subjectLabel: label, otherId: merge },
      ]);
      return created.record as Row;
    });
  }

  /** Undoes a merge from its record's snapshot; returns the record, now marked undone. */
  async undo(request: UndoRequest): Promise<Row> {
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(Label.MergeRecord, [request.id], { create: false }));
      const [found] = await tx.run(mergeRecordQuery(request.id));
      if (!found)
        throw new NotFoundError(`No merge record has the id ${shown(request.id)}.`, { id: request.id });
      const record = found.record as unknown as MergeRecordProps & { undoneAt?: string | null };
      if (record.undoneAt) {
        throw new BadUserInputError(`Merge ${shown(record.id)} was undone already (${record.undoneAt}).`, {
          argument: 'id',
        });
      }
      const snapshot = JSON.parse(record.snapshot) as MergeSnapshot;
      const { label } = snapshot;
      if (label === Label.Topic) await tx.run(lockTaxonomyQuery());
      const keep = snapshot.keep.id;
      const merged = snapshot.merge.id;
      await tx.run(lockNodesQuery(label, [keep, merged], { create: false }));
      const subjects = await tx.run(mergeSubjectsQuery(label, [keep, merged]));
      const keepRow = subjects.find((row) => row.id === keep);
      if (!keepRow) {
        const [target] = await tx.run(aliasTargetQuery(keep));
        throw new BadUserInputError(
          target
            ? `${shown(keep)} was merged into ${shown(String(target.id))} since; undo that merge first.`
            : `${shown(keep)} no longer exists, so this merge can't be undone.`,
          { argument: 'id' },
        );
      }
      if (subjects.some((row) => row.id === merged)) {
        throw new BadUserInputError(
          `A node with the merged id ${shown(merged)} exists again; it would be overwritten.`,
          { argument: 'id' },
        );
      }

      await tx.run(deleteAliasQuery(merged));
      await tx.run(restoreNodeQuery(label, snapshot.merge.props));
      for (const group of groupLinks(snapshot.mergeLinks, ({ otherId, props }) => ({ otherId, props }))) {
        const [row] = await tx.run(restoreLinksQuery(label, merged, group));
        if (row.restored !== group.rows.length) {
          throw new Error(`undo of ${record.id} could not restore every ${group.type} link`);
        }
      }
      for (const group of unmoveRows(snapshot)) {
        await tx.run(unmoveLinksQuery(label, { keep, record: record.id }, group));
      }
      if (snapshot.addedNames) {
        const current = (keepRow.props as unknown as TypedProperties).values;
        await tx.run(setNamesQuery(label, keep, unmergeNames(current, snapshot.addedNames)));
      }
      await tx.run(recountQuery(label, [keep, merged]));
      await syncCopies(tx, label, [keep, merged]);
      // An undo is no kind of its own: both nodes changed (the merged one is back, the kept one
      // gave back its links and names), each an upsert of its kind, so a sync client refetches both.
      const kind = changeKindFor(label);
      tx.noteChanges([
        { kind, subjectId: keep, subjectLabel: label },
        { kind, subjectId: merged, subjectLabel: label },
      ]);
      const [undone] = await tx.run(
        markUndoneQuery(record.id, {
          undoneAt: new Date().toISOString(),
          undoneBy: request.by,
          undoReason: request.reason,
        }),
      );
      return undone.record as Row;
    });
  }

  /** NOT_FOUND, saying where the id went when it was merged into another node. */
  private async notFound(tx: WriteTransaction, id: string, what: string): Promise<never> {
    const [target] = await tx.run(aliasTargetQuery(id));
    throw new NotFoundError(
      target
        ? `${shown(id)} was ${what} into ${shown(String(target.id))}; it is an alias now.`
        : `No entity or fact has the id ${shown(id)}.`,
      { id },
    );
  }
}

/**
 * A topic merged into another takes its broader and narrower topics along; when that closes a
 * loop (keep's broader topic was narrower than the merged one), the merge is refused, rolled back.
 */
/**
 * Copies that reads walk indexes on, re-derived after links moved or came back: positions' topic
 * ids (graph/position-topic.cypher.ts) and timeline links' actor ids and keys (timeline-links).
 */
async function syncCopies(tx: WriteTransaction, label: MergeableLabel, ids: string[]): Promise<void> {
  for (const sync of [syncTopicIdsQuery(label, ids), syncTimelineCopiesQuery(label, ids)]) {
    if (sync) await tx.run(sync);
  }
}

async function refuseTopicCycle(tx: WriteTransaction, keep: string): Promise<void> {
  const [cycle] = await tx.run(topicCyclesQuery([keep]));
  if (cycle) {
    throw new BadUserInputError(
      `The merge would make a cycle of broader topics: ${(cycle.chain as string[]).join(' -> ')}; correct the broader topics first.`,
      { argument: 'merge' },
    );
  }
}
