/**
 * The backup's second file, `curation.jsonl`: what the graph holds that the import format cannot
 * (docs/backup.md). One record a line, replayed in file order after the documents. Audit records
 * keep their properties exactly, integers told apart from floats, so who, when and why come back
 * as they were: a restore makes no new ids or timestamps.
 */
import { z } from 'zod';
import { Label, Rel } from '../graph/model';
import { SourceId } from '../ingest/document.format';
import { DOCUMENT_LINK_TYPES } from './backup.cypher';

export const BACKUP_FORMAT = 'diplomacy-graph/backup@1';

const id = z.string().min(1);
const excerpt = z.string().min(1);
const start = z.number().int().nonnegative();

/** An excerpt of a source, where it starts in the source's text (what its evidence id is made of). */
export const SourceEvidence = z.strictObject({ source: SourceId, start, excerpt });
export type SourceEvidence = z.output<typeof SourceEvidence>;

/** Properties written back exactly (graph/typed-properties.ts). */
const Typed = z.strictObject({
  values: z.record(z.string(), z.any()),
  integers: z.array(z.string()),
});

/** A link no document states: its other end comes in a later document (by source id). */
const LinkRecord = z.strictObject({
  kind: z.literal('link'),
  type: z.enum(DOCUMENT_LINK_TYPES as [string, ...string[]]),
  from: id,
  to: id,
  evidence: z.array(SourceEvidence),
});

/** A node by its model label and id: an alias's id is also the id of the node merged away. */
const NodeRef = z.strictObject({
  label: z.enum(Object.values(Label) as [string, ...string[]]),
  id,
});

/**
 * The mark a merge left on a link it moved onto the node it kept (of any type: evidence and
 * mentions move too), naming the MergeRecord whose undo takes the link off again.
 */
const MergeMarkRecord = z.strictObject({
  kind: z.literal('merge-mark'),
  type: z.enum(Object.values(Rel) as [string, ...string[]]),
  from: NodeRef,
  to: NodeRef,
  movedByMerge: id,
});

/** One source's claims about one meeting, exactly (its own date, place, status and figures). */
const ClaimsRecord = z.strictObject({
  kind: z.literal('claims'),
  source: SourceId,
  fact: id,
  claims: z.array(
    z.strictObject({
      id,
      field: id,
      value: z.string(),
      number: z.number().nullable(),
      unit: z.string().nullable(),
      approximate: z.boolean(),
      evidence: z.array(z.strictObject({ start, excerpt })),
    }),
  ),
});

/**
 * A record a source states that its document cannot hold: a quote matched to a stored one in
 * other words (a QUOTE must be verbatim in the document's own text). The source still mentions it,
 * with its own evidence.
 */
const MentionRecord = z.strictObject({
  kind: z.literal('mention'),
  source: SourceId,
  id,
  evidence: z.array(z.strictObject({ start, excerpt })),
});

/**
 * The hash of the document a source was first imported from (document.rows.ts documentHash):
 * re-importing that same file is then `unchanged`, in the restored graph as in the original.
 */
const SourceHashRecord = z.strictObject({
  kind: z.literal('source-hash'),
  source: SourceId,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** An audit record (or a publisher) with its exact properties and the ids it is about. */
const auditRecord = <K extends string>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), id, props: Typed, about: z.array(id) });

export const AUDIT_KINDS = ['publisher', 'alias', 'retraction', 'merge-record', 'assessment'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const PossibleDuplicateRecord = z.strictObject({
  kind: z.literal('possible-duplicate'),
  from: id,
  to: id,
  props: Typed,
});

const CredibilityRecord = z.strictObject({
  kind: z.literal('credibility'),
  fact: id,
  credibility: z.number().int().min(1).max(6),
});

export const CurationRecord = z.discriminatedUnion('kind', [
  LinkRecord,
  MergeMarkRecord,
  ClaimsRecord,
  MentionRecord,
  SourceHashRecord,
  auditRecord('publisher'),
  auditRecord('alias'),
  auditRecord('retraction'),
  auditRecord('merge-record'),
  auditRecord('assessment'),
  PossibleDuplicateRecord,
  CredibilityRecord,
]);

export type CurationRecord = z.output<typeof CurationRecord>;
export type LinkRecord = z.output<typeof LinkRecord>;
export type MergeMarkRecord = z.output<typeof MergeMarkRecord>;
export type ClaimsRecord = z.output<typeof ClaimsRecord>;
export type MentionRecord = z.output<typeof MentionRecord>;
export type SourceHashRecord = z.output<typeof SourceHashRecord>;
export type AuditRecord = Extract<CurationRecord, { kind: AuditKind }>;
export type PossibleDuplicateRecord = z.output<typeof PossibleDuplicateRecord>;
export type CredibilityRecord = z.output<typeof CredibilityRecord>;

/** The manifest beside the two files: what a backup holds, to check a restore against. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  exportedAt: string;
  files: { documents: string; curation: string };
  documents: number;
  curation: Record<string, number>;
  /** Records a source mentions that its document could not hold (should be 0; see docs/backup.md). */
  notExported: number;
  graph: { nodes: Record<string, number>; relationships: Record<string, number> };
}
