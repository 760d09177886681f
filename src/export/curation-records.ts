/**
 * The curation records that follow the documents' own (later links, claims) in curation.jsonl:
 * the marks of links a merge moved, publishers and their grades, id aliases (matches and merges), possible
 * duplicates, retractions, merge records, assessments and credibility ratings, each kind in id
 * order. Audit labels are read a page at a time.
 */
import type { GraphDatabase, Row } from '../graph/database';
import { Label, Rel } from '../graph/model';
import type { TypedProperties } from '../graph/typed-properties';
import { nodeLabel } from '../modules/curation/merge.cypher';
import type { AuditKind, CurationRecord } from './curation.format';
import {
  auditPageQuery,
  credibilityPageQuery,
  mergeMarkedLinksQuery,
  possibleDuplicatesQuery,
  type AuditSpec,
} from './backup.cypher';

const PAGE = 500;

/** Properties in key order, integer keys sorted: the same stored node always gives the same bytes. */
function canonicalProps(raw: unknown): TypedProperties {
  const { values, integers } = raw as TypedProperties;
  const keys = Object.keys(values).sort();
  return {
    values: Object.fromEntries(keys.map((key) => [key, values[key]])),
    integers: [...integers].sort(),
  };
}

/** Each audit kind: its label and the link to what it is about; also what a restore writes back. */
export const AUDIT_SPECS: Record<AuditKind, AuditSpec> = {
  publisher: { label: Label.Publisher },
  alias: { label: Label.IdAlias, link: { type: Rel.ALIAS_OF, direction: 'out' } },
  retraction: { label: Label.Retraction, link: { type: Rel.RETRACTED_BY, direction: 'in' } },
  'merge-record': { label: Label.MergeRecord },
  assessment: { label: Label.Assessment, link: { type: Rel.ASSESSES, direction: 'out' } },
};

/** Rows of a keyset-paged read, page after page, by `id`. */
async function* paged(read: (after: string | null) => Promise<Row[]>): AsyncGenerator<Row> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1].id);
  }
}

export async function* curationTail(db: GraphDatabase): AsyncGenerator<CurationRecord> {
  for (const kind of ['publisher', 'alias'] as const) yield* audit(db, kind);
  for (const row of await db.read(possibleDuplicatesQuery())) {
    yield {
      kind: 'possible-duplicate',
      from: String(row.from),
      to: String(row.to),
      props: canonicalProps(row.props),
    };
  }
  for (const kind of ['retraction', 'merge-record', 'assessment'] as const) yield* audit(db, kind);
  for await (const row of paged((after) => db.read(credibilityPageQuery(after, PAGE)))) {
    yield { kind: 'credibility', fact: String(row.id), credibility: Number(row.credibility) };
  }
  // Last: the marks sit on links every record kind above may have made again.
  for (const row of await db.read(mergeMarkedLinksQuery())) {
    const from = nodeLabel(row.fromLabels);
    const to = nodeLabel(row.toLabels);
    if (!from || !to)
      throw new Error(`a merge's mark on a link between nodes of unknown labels (${String(row.type)})`);
    yield {
      kind: 'merge-mark',
      type: String(row.type),
      from: { label: from, id: String(row.from) },
      to: { label: to, id: String(row.to) },
      movedByMerge: String(row.movedByMerge),
    };
  }
}

async function* audit(db: GraphDatabase, kind: AuditKind): AsyncGenerator<CurationRecord> {
  for await (const row of paged((after) => db.read(auditPageQuery(AUDIT_SPECS[kind], after, PAGE)))) {
    yield {
      kind,
      id: String(row.id),
      props: canonicalProps(row.props),
      about: (row.about as string[]) ?? [],
    };
  }
}
