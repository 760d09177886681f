/**
 * Writes one validated document in one transaction: check that references resolve and that no id
 * is reused with conflicting data, then MERGE everything in batches. Any problem rolls the whole
 * document back, and an identical document already loaded is skipped as "unchanged".
 */
import type { GraphDatabase, WriteTransaction } from '../graph/database';
import { Label, labelForId } from '../graph/model';
import type { QueryStats } from '../graph/query-stats';
import { nameText, foldText } from '../graph/text';
import { findConflicts, mergeNames } from './document.conflicts';
import { documentHash, documentRows, type LoadableDocument } from './document.rows';
import {
  existingNodesQuery,
  graphTotalsQuery,
  mergeEvidenceQuery,
  mergeNodesQuery,
  mergeRelationshipsQuery,
  mergeSourceQuery,
  sourceStateQuery,
} from './graph-write.cypher';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for modest heaps. */
export const BATCH_SIZE = 1000;

export interface LoadProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export class DocumentRejectedError extends Error {
  override name = 'DocumentRejectedError';
  constructor(readonly problems: LoadProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.record}: ${p.field}: ${p.message}`).join('\n'));
  }
}

export interface UnresolvedReference {
  record: string;
  field: string;
  id: string;
}

export type LoadStatus = 'created' | 'updated' | 'unchanged';

export interface LoadOutcome {
  file: string;
  sourceId: string;
  status: LoadStatus;
  nodesCreated: number;
  relationshipsCreated: number;
  /** Nodes and relationships the document states (written or confirmed). */
  facts: number;
}

const NAMED = new Set<Label>([Label.Nation, Label.Official, Label.Organization, Label.Place, Label.Topic]);

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

async function storedNodes(
  tx: WriteTransaction,
  label: Label,
  ids: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const stored = new Map<string, Record<string, unknown>>();
  for (const batch of chunks(ids)) {
    for (const row of await tx.run(existingNodesQuery(label, batch))) {
      stored.set(row.id as string, row.props as Record<string, unknown>);
    }
  }
  return stored;
}

export async function loadDocument(
  db: GraphDatabase,
  document: LoadableDocument,
  file: string,
  unresolved: readonly UnresolvedReference[] = [],
  stats?: QueryStats,
): Promise<{ outcome: LoadOutcome; bookmarks: string[] }> {
  const hash = documentHash(document);
  const rows = documentRows(document, hash);
  const facts =
    1 +
    rows.evidence.length +
    rows.nodes.reduce(
      (sum, group) => sum + group.rows.length + group.rows.reduce((n, row) => n + row.evidence.length, 0),
      0,
    ) +
    rows.relationships.reduce((sum, group) => sum + group.rows.length, 0);

  const { result, bookmarks } = await db.write(
    async (tx): Promise<LoadOutcome> => {
      const [state] = await tx.run(sourceStateQuery(document.source.id));
      if (state?.contentHash === hash) {
        return {
          file,
          sourceId: document.source.id,
          status: 'unchanged',
          nodesCreated: 0,
          relationshipsCreated: 0,
          facts,
        };
      }
      const problems: LoadProblem[] = [];

      // References to entities defined by earlier documents must exist in the graph.
      const byLabel = new Map<Label, UnresolvedReference[]>();
      for (const reference of unresolved) {
        const label = labelForId(reference.id);
        if (!label) {
          problems.push({ file, ...reference, message: `"${reference.id}" is not an id of a known kind` });
          continue;
        }
        byLabel.set(label, [...(byLabel.get(label) ?? []), reference]);
      }
      for (const [label, references] of byLabel) {
        const found = await storedNodes(tx, label, [...new Set(references.map((r) => r.id))]);
        for (const reference of references) {
          if (!found.has(reference.id)) {
            problems.push({
              file,
              record: reference.record,
              field: reference.field,
              message: `refers to "${reference.id}", which exists neither in this document nor in the graph`,
            });
          }
        }
      }

      // Conflicting reuse of ids, and alias merging for entities seen before.
      for (const group of rows.nodes) {
        const stored = await storedNodes(
          tx,
          group.label,
          group.rows.map((row) => row.id),
        );
        for (const row of group.rows) {
          const existing = stored.get(row.id);
          if (!existing) continue;
          for (const conflict of findConflicts(group.label, row, existing))
            problems.push({ file, ...conflict });
          if (NAMED.has(group.label)) {
            const names = mergeNames(existing, row.props);
            Object.assign(row.props, names, {
              nameText: nameText(names.name, names.aliases),
              sortName: foldText(names.name),
            });
          }
        }
      }
      if (problems.length > 0) throw new DocumentRejectedError(problems);

      const [before] = await tx.run(graphTotalsQuery());
      await tx.run(mergeSourceQuery(rows.source));
      for (const batch of chunks(rows.evidence)) await tx.run(mergeEvidenceQuery(batch));
      for (const group of rows.nodes) {
        for (const batch of chunks(group.rows))
          await tx.run(mergeNodesQuery(group.label, batch, document.source.id));
      }
      for (const group of rows.relationships) {
        for (const batch of chunks(group.rows)) {
          await tx.run(mergeRelationshipsQuery(group.fromLabel, group.type, group.toLabel, batch));
        }
      }
      const [after] = await tx.run(graphTotalsQuery());
      return {
        file,
        sourceId: document.source.id,
        status: state?.contentHash ? 'updated' : 'created',
        nodesCreated: (after.nodes as number) - (before.nodes as number),
        relationshipsCreated: (after.relationships as number) - (before.relationships as number),
        facts,
      };
    },
    { stats },
  );
  return { outcome: result, bookmarks };
}
