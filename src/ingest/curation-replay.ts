/**
 * Replays a batch of a backup's curation records (one kind) inside one write transaction, after
 * the documents are in: statements built by curation-replay.cypher.ts, values as parameters.
 */
import { ChangeKind } from '../graph/change-log.cypher';
import type { CypherQuery } from '../graph/cypher';
import { runInOrder, type WriteTransaction } from '../graph/database';
import { Label, type Rel } from '../graph/model';
import { AUDIT_SPECS } from '../export/curation-records';
import { groupBy } from '../group-by';
import type {
  AuditRecord,
  ClaimsRecord,
  CredibilityRecord,
  CurationRecord,
  LinkRecord,
  MentionRecord,
  MergeMarkRecord,
  PossibleDuplicateRecord,
  SourceEvidence,
  SourceHashRecord,
} from '../export/curation.format';
import { evidenceId } from './document.rows';
import {
  mergeClaimsQuery,
  mergeEvidenceQuery,
  mergeRelationshipsQuery,
  type EvidenceRow,
} from './graph-write.cypher';
import {
  labelOfStoredId,
  linkRecordsQuery,
  markMovedLinksQuery,
  removeOtherClaimsQuery,
  restoreCredibilityQuery,
  restoreMentionsQuery,
  restoreSourceHashesQuery,
  restorePossibleDuplicatesQuery,
  restoreRecordsQuery,
} from './curation-replay.cypher';

export class CurationRecordError extends Error {
  override name = 'CurationRecordError';
}

function labelOf(id: string): Label {
  const label = labelOfStoredId(id);
  if (!label) throw new CurationRecordError(`"${id}" is not an id of a known kind`);
  return label;
}

function evidenceRow({ source, start, excerpt }: SourceEvidence): EvidenceRow {
  return {
    id: evidenceId(source, start, excerpt),
    excerpt,
    start,
    end: start + excerpt.length,
    sourceId: source,
  };
}

function linkStatements(records: readonly LinkRecord[]): CypherQuery[] {
  const evidence = records.flatMap((record) => record.evidence.map(evidenceRow));
  const statements: CypherQuery[] = evidence.length > 0 ? [mergeEvidenceQuery(evidence)] : [];
  const groups = groupBy(records, (r) => `${labelOf(r.from)}|${r.type}|${labelOf(r.to)}`);
  for (const group of groups.values()) {
    const [fromLabel, toLabel, type] = [labelOf(group[0].from), labelOf(group[0].to), group[0].type as Rel];
    statements.push(
      mergeRelationshipsQuery(
        fromLabel,
        type,
        toLabel,
        group.map((r) => ({ from: r.from, to: r.to, evidence: r.evidence.map((e) => evidenceRow(e).id) })),
      ),
    );
  }
  return statements;
}

function markStatements(records: readonly MergeMarkRecord[]): CypherQuery[] {
  return [...groupBy(records, (r) => `${r.from.label}|${r.type}|${r.to.label}`).values()].map((group) => {
    const [{ from, to, type }] = group;
    // Labels and type are checked against the model's constants by the record's schema.
    return markMovedLinksQuery(
      from.label as Label,
      type as Rel,
      to.label as Label,
      group.map((r) => ({ from: r.from.id, to: r.to.id, record: r.movedByMerge })),
    );
  });
}

function claimStatements(records: readonly ClaimsRecord[]): CypherQuery[] {
  const evidence = records.flatMap((record) =>
    record.claims.flatMap((claim) => claim.evidence.map((e) => evidenceRow({ source: record.source, ...e }))),
  );
  return [
    removeOtherClaimsQuery(
      records.map((r) => ({ source: r.source, fact: r.fact, ids: r.claims.map((claim) => claim.id) })),
    ),
    ...(evidence.length > 0 ? [mergeEvidenceQuery(evidence)] : []),
    ...[...groupBy(records, (r) => r.source)].map(([source, group]) =>
      mergeClaimsQuery(
        group.flatMap((record) =>
          record.claims.map((claim) => ({
            ...claim,
            factId: record.fact,
            evidence: claim.evidence.map((e) => evidenceRow({ source, ...e }).id),
          })),
        ),
        source,
      ),
    ),
  ];
}

function mentionStatements(records: readonly MentionRecord[]): CypherQuery[] {
  const rows = records.map((record) => ({
    record,
    evidence: record.evidence.map((e) => evidenceRow({ source: record.source, ...e })),
  }));
  const evidence = rows.flatMap((row) => row.evidence);
  return [
    ...(evidence.length > 0 ? [mergeEvidenceQuery(evidence)] : []),
    ...[...groupBy(rows, (row) => labelOf(row.record.id))].map(([label, group]) =>
      restoreMentionsQuery(
        label as Label,
        group.map(({ record, evidence }) => ({
          source: record.source,
          id: record.id,
          evidence: evidence.map((e) => e.id),
        })),
      ),
    ),
  ];
}

function auditStatements(records: readonly AuditRecord[]): CypherQuery[] {
  const spec = AUDIT_SPECS[records[0].kind];
  const statements = [restoreRecordsQuery(spec.label, records, spec.label === Label.Publisher)];
  if (!spec.link) return statements;
  const pairs = records.flatMap((record) => record.about.map((other) => ({ id: record.id, other })));
  for (const [otherLabel, group] of groupBy(pairs, (pair) => labelOf(pair.other)))
    statements.push(linkRecordsQuery(spec.label, spec.link, otherLabel as Label, group));
  return statements;
}

function duplicateStatements(records: readonly PossibleDuplicateRecord[]): CypherQuery[] {
  return [...groupBy(records, (r) => labelOf(r.from))].map(([label, group]) =>
    restorePossibleDuplicatesQuery(label as Label, group),
  );
}

function credibilityStatements(records: readonly CredibilityRecord[]): CypherQuery[] {
  return [...groupBy(records, (r) => labelOf(r.fact))].map(([label, group]) =>
    restoreCredibilityQuery(label as Label, group),
  );
}

/** The statements that write back a batch of records of one kind, in the order they must run. */
export function replayStatements(records: readonly CurationRecord[]): CypherQuery[] {
  if (records.length === 0) return [];
  const [first] = records;
  switch (first.kind) {
    case 'link':
      return linkStatements(records as LinkRecord[]);
    case 'merge-mark':
      return markStatements(records as MergeMarkRecord[]);
    case 'claims':
      return claimStatements(records as ClaimsRecord[]);
    case 'mention':
      return mentionStatements(records as MentionRecord[]);
    case 'source-hash':
      return [restoreSourceHashesQuery(records as SourceHashRecord[])];
    case 'possible-duplicate':
      return duplicateStatements(records as PossibleDuplicateRecord[]);
    case 'credibility':
      return credibilityStatements(records as CredibilityRecord[]);
    default:
      return auditStatements(records as AuditRecord[]);
  }
}

export async function replayCuration(
  tx: WriteTransaction,
  records: readonly CurationRecord[],
): Promise<void> {
  await runInOrder(tx, { replay: replayStatements(records) });
  // The restored facts were logged as recorded (document.changes.ts); their retractions follow, so
  // a client syncing the restored graph from the start leaves them out as the graph does.
  if (records[0]?.kind === 'retraction') {
    tx.noteChanges(
      (records as AuditRecord[]).flatMap((record) =>
        record.about.map((factId) => ({
          kind: ChangeKind.FACT_RETRACTED,
          subjectId: factId,
          subjectLabel: labelOf(factId),
        })),
      ),
    );
  }
}
