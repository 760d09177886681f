/**
 * Writes one validated document in one transaction: check that references resolve and that no id
 * is reused with conflicting data, then MERGE everything in batches. Any problem rolls the whole
 * document back, and an identical document already loaded is skipped as "unchanged".
 */
import {
  runInOrder,
  StaleDecisionError,
  type GraphDatabase,
  type Row,
  type WriteTransaction,
} from '../graph/database';
import { GraphWriter } from '../graph/graph-writer';
import { isNamedLabel, Label, labelForId, Rel } from '../graph/model';
import { lockNodesQuery, lockTaxonomyQuery } from '../graph/write-locks';
import type { QueryStats } from '../graph/query-stats';
import { asOneRead, asOneStatement, type CypherQuery } from '../graph/cypher';
import { documentChanges } from './document.changes';
import { findConflicts } from './document.conflicts';
import { documentHash, documentRows, publisherOf, type LoadableDocument } from './document.rows';
import { identifyQueryFor, resolveDocument } from './resolve/document.resolve';
import { keptForMatch, keptForReport } from './resolve/kept-values';
import { aliasedIdsQuery, writeAliasesQuery, writePossibleDuplicatesQuery } from './resolve/resolve.cypher';
import {
  existingNodesQuery,
  mergeClaimsQuery,
  mergeEvidenceQuery,
  mergeNodesQuery,
  mergeRelationshipsQuery,
  mergeSourceQuery,
  sourceStateQuery,
  otherLinksQuery,
  removeOtherLinksQuery,
  singleLinkOf,
  topicCyclesQuery,
} from './graph-write.cypher';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for modest heaps. */
export const BATCH_SIZE = 1000;

export interface LoadProblem {
  file: string;
  record: string;
  field: string;
  message: string;
  /** The id referred to, when the problem is only that it is not in the graph (yet). */
  missingReference?: string;
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
  /** Records the graph already held under another id, and why they are the same. */
  matches: RecordMatch[];
}

export interface RecordMatch {
  /** The id the document gave. */
  id: string;
  /** The stored node it was written to. */
  matchedTo: string;
  reason: string;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

/** Updating statements as one statement, or none (graph/cypher.ts). */
function oneStatement(queries: readonly CypherQuery[]): CypherQuery[] {
  return queries.length > 0 ? [asOneStatement(queries)] : [];
}

/** Reads with the same columns as one statement, or none. */
function oneRead(queries: readonly CypherQuery[]): CypherQuery[] {
  return queries.length > 0 ? [asOneRead(queries)] : [];
}

/** The stored properties of these ids, by id, from the rows of their existingNodesQuery batches. */
function storedProps(rows: readonly Row[][]): Map<string, Record<string, unknown>> {
  const stored = new Map<string, Record<string, unknown>>();
  for (const row of rows.flat()) stored.set(row.id as string, row.props as Record<string, unknown>);
  return stored;
}

/**
 * How a write treats what is already in the graph. Imports of whole documents own their source
 * (its text and content hash) and reject conflicting reuse of ids; API mutations add facts to a
 * source that already exists, and `upsert` mutations may correct an entity's data.
 */
export interface WriteMode {
  source: 'document' | 'existing';
  onConflict: 'reject' | 'update';
  /**
   * A backup's documents (src/export/): written under their own ids with no same-event matching,
   * since the backup holds the graph's own matching decisions (its aliases), and retracted records
   * accepted, since their retraction is restored after them. See docs/backup.md.
   */
  restore?: boolean;
}

export const IMPORT_MODE: WriteMode = { source: 'document', onConflict: 'reject' };
export const RESTORE_MODE: WriteMode = { source: 'document', onConflict: 'reject', restore: true };

function countFacts(rows: ReturnType<typeof documentRows>): number {
  return (
    1 +
    rows.evidence.length +
    rows.nodes.reduce(
      (sum, group) => sum + group.rows.length + group.rows.reduce((n, row) => n + row.evidence.length, 0),
      0,
    ) +
    rows.relationships.reduce((sum, group) => sum + group.rows.length, 0)
  );
}

/** The document's topic -> broader topic links. */
function broaderLinks(rows: ReturnType<typeof documentRows>): { owner: string; other: string }[] {
  return rows.relationships
    .filter((group) => group.type === Rel.BROADER)
    .flatMap((group) => group.rows.map((row) => ({ owner: row.from, other: row.to })));
}

/**
 * Checks and writes one document inside the caller's transaction; throws DocumentRejectedError
 * (and so rolls the transaction back) on any problem.
 */
export async function writeDocument(
  tx: WriteTransaction,
  document: LoadableDocument,
  file: string,
  unresolved: readonly UnresolvedReference[] = [],
  mode: WriteMode = IMPORT_MODE,
): Promise<LoadOutcome> {
  const hash = documentHash(document);
  // The rows as the document gives them (resolution may rename ids; counts and links stay the same).
  const given = documentRows(document, hash);
  const facts = countFacts(given);
  const createdBefore = tx.created();
  // Every check below reads what concurrent writes may be changing: lock first, then read, so a
  // racing write of the same ids is decided as if it had come after this one (graph/write-locks.ts).
  // Statements that don't depend on each other's answers go out together (runInOrder): the server
  // still runs them in order, so each lock is held before the reads queued after it.
  const broader = broaderLinks(given);
  const matching = mode.source === 'document' && mode.restore !== true;
  const opening = await runInOrder(tx, {
    // Writes that link topics to broader ones first queue on the taxonomy: a cycle can be closed by
    // writes with no topic in common (a->b, c->a racing b->c), so no per-topic lock would see it.
    taxonomy: broader.length > 0 ? [lockTaxonomyQuery()] : [],
    // The source a document owns next: it alone decides "unchanged", which then takes no other lock.
    source: mode.source === 'document' ? [lockNodesQuery(Label.Source, [document.source.id])] : [],
    state: [sourceStateQuery(document.source.id)],
    // What the graph knows of the document's ids, for same-event matching (read unlocked: matching
    // takes its own locks before it decides anything that depends on what doesn't exist yet).
    identified: matching ? [identifyQueryFor(document, unresolved)] : [],
  });
  const [state] = opening.state[0];
  if (mode.source === 'document' && state?.contentHash === hash) {
    return {
      file,
      sourceId: document.source.id,
      status: 'unchanged',
      nodesCreated: 0,
      relationshipsCreated: 0,
      facts,
      matches: [],
    };
  }
  // Records the graph holds under other ids (the same meeting in another report, "Hakanen" for
  // "Häkkänen") are written to the stored nodes; see ingest/resolve/ and docs/corroboration.md.
  const resolution = matching
    ? await resolveDocument(tx, document, unresolved, opening.identified[0])
    : undefined;
  const rows = documentRows(resolution?.document ?? document, hash);
  const references = resolution?.unresolved ?? unresolved;
  const matched = resolution?.matched ?? new Set<string>();

  // References to entities defined by earlier documents must exist in the graph.
  const referencesByLabel = new Map<Label, string[]>();
  for (const reference of references) {
    const label = labelForId(reference.id);
    if (label) referencesByLabel.set(label, [...(referencesByLabel.get(label) ?? []), reference.id]);
  }
  const singleLinks = rows.relationships.flatMap((group) => {
    const link = singleLinkOf(group);
    if (!link) return [];
    const pairs = group.rows.map((row) =>
      link.owner === 'from' ? { owner: row.from, other: row.to } : { owner: row.to, other: row.from },
    );
    return [{ group, link, pairs }];
  });
  const ids = rows.nodes.flatMap((group) => group.rows.map((row) => row.id));
  const locks = rows.nodes
    .filter((group) => group.rows.length > 0)
    .map((group) =>
      lockNodesQuery(
        group.label,
        group.rows.map((row) => row.id),
      ),
    );
  const checks = await runInOrder(tx, {
    // Each label in the rows' fixed order, then the reads these locks make safe.
    locks: oneStatement(locks),
    // Resolution read ids before this write held their locks: a merge that committed in between
    // made one of them an alias, and writing it would bring the merged node back.
    aliased: resolution ? [aliasedIdsQuery(ids)] : [],
    // The stored state of every id the document refers to or writes (ids name their label, so one
    // map serves both): references must exist, and records must not conflict with what is stored.
    stored: oneRead([
      ...[...referencesByLabel].flatMap(([label, ids]) =>
        chunks([...new Set(ids)]).map((batch) => existingNodesQuery(label, batch)),
      ),
      ...rows.nodes.flatMap((group) =>
        chunks(group.rows.map((row) => row.id)).map((batch) => existingNodesQuery(group.label, batch)),
      ),
    ]),
    // Links a record has only one of (a statement's speaker, a meeting's place...): another value
    // already stored is a conflict for imports and facts, and is replaced by an upsert (a correction,
    // which the change log must show although the record's own properties may not change).
    links: oneRead(singleLinks.map(({ link, pairs }) => otherLinksQuery(link, pairs))),
  });
  if (checks.aliased.some((aliased) => aliased.length > 0)) {
    throw new StaleDecisionError('an id this import writes was merged into another node meanwhile');
  }
  const problems: LoadProblem[] = [];
  if (mode.source === 'existing' && state?.exists !== true) {
    problems.push({
      file,
      record: document.source.id,
      field: 'source',
      message: 'no such source: add it first (upsertSource)',
    });
  }

  // Evidence stored earlier was checked against the stored text, so that text may not change
  // (read inside this transaction, so a concurrent import can't slip another text in either).
  if (
    mode.source === 'document' &&
    state?.exists === true &&
    state.text != null &&
    state.text !== document.source.text
  ) {
    problems.push({
      file,
      record: document.source.id,
      field: 'source.text',
      message:
        'differs from the text stored for this source; a stored text never changes, since excerpts are checked against it: use a new source id for a new text',
    });
  }

  const stored = storedProps(checks.stored);
  for (const reference of references) {
    if (!labelForId(reference.id)) {
      problems.push({ file, ...reference, message: `"${reference.id}" is not an id of a known kind` });
    } else if (!stored.has(reference.id)) {
      problems.push({
        file,
        record: reference.record,
        field: reference.field,
        message: `refers to "${reference.id}", which exists neither in this document nor in the graph`,
        missingReference: reference.id,
      });
    }
  }

  // Conflicting reuse of ids, and alias merging for entities seen before.
  for (const group of rows.nodes) {
    for (const row of group.rows) {
      const existing = stored.get(row.id);
      if (!existing) continue;
      if (existing.retractedAt != null && mode.restore !== true) {
        problems.push({
          file,
          record: row.id,
          field: 'id',
          message: `was retracted (${String(existing.retractedAt)}); a retracted fact stays retracted: record it under another id`,
        });
      }
      if (matched.has(row.id)) {
        // Another report of a stored record: it adds evidence, names and a source, and reports its
        // own date, place and figures as claims; the stored values stay.
        row.props = keptForMatch(group.label, row.props, existing, document.source.publishedAt);
      } else if (mode.onConflict === 'reject') {
        for (const conflict of findConflicts(group.label, row, existing))
          problems.push({ file, ...conflict });
        if (group.label === Label.Meeting) {
          row.props = keptForReport(row.props, existing, document.source.publishedAt);
        }
      }
      // Names and aliases are merged by the write statement itself, under the node's lock.
      if (isNamedLabel(group.label)) row.replaceName = mode.onConflict === 'update';
    }
  }
  if (mode.onConflict === 'reject') {
    const dropped = new Set<string>();
    for (const stored of checks.links.flat()) {
      const { link } = singleLinks.find(({ link }) => link.type === stored.type)!;
      // A matched record keeps its stored link (a meeting's place); the report's own is a claim.
      if (matched.has(String(stored.owner))) {
        dropped.add(`${link.type}\u0000${String(stored.owner)}\u0000${String(stored.here)}`);
        continue;
      }
      problems.push({
        file,
        record: String(stored.owner),
        field: link.field,
        message: `id reused with conflicting data: ${link.field} is ${JSON.stringify(stored.here)} here but ${JSON.stringify(stored.there)} in the graph (from an earlier document); use the same value, or another id for another ${link.ownerLabel.toLowerCase()}`,
      });
    }
    if (dropped.size > 0) {
      for (const { group, link } of singleLinks) {
        group.rows = group.rows.filter((row) => {
          const pair = link.owner === 'from' ? [row.from, row.to] : [row.to, row.from];
          return !dropped.has(`${link.type}\u0000${pair[0]}\u0000${pair[1]}`);
        });
      }
    }
  }
  if (problems.length > 0) throw new DocumentRejectedError(problems);

  const decidedAt = new Date().toISOString();
  // Every write of the document as one statement (asOneStatement: far cheaper for the server than
  // one statement per label and link type), in this order: nodes before the links between them.
  const writes = [
    ...(mode.onConflict === 'update'
      ? singleLinks.flatMap(({ link, pairs }) =>
          chunks(pairs).map((batch) => removeOtherLinksQuery(link, batch)),
        )
      : []),
    ...(mode.source === 'document'
      ? [mergeSourceQuery(rows.source, publisherOf(rows.source.publisher))]
      : []),
    ...chunks(rows.evidence).map((batch) => mergeEvidenceQuery(batch)),
    ...rows.nodes.flatMap((group) =>
      chunks(group.rows).map((batch) => mergeNodesQuery(group.label, batch, document.source.id)),
    ),
    ...rows.relationships.flatMap((group) =>
      chunks(group.rows).map((batch) =>
        mergeRelationshipsQuery(group.fromLabel, group.type, group.toLabel, batch),
      ),
    ),
    ...chunks(rows.claims).map((batch) => mergeClaimsQuery(batch, document.source.id)),
    ...[...(resolution?.aliases ?? [])].flatMap(([label, aliasRows]) =>
      chunks(aliasRows).map((batch) => writeAliasesQuery(label, batch, document.source.id, decidedAt)),
    ),
    ...[...(resolution?.duplicates ?? [])].flatMap(([label, duplicateRows]) =>
      chunks(duplicateRows).map((batch) =>
        writePossibleDuplicatesQuery(label, batch, document.source.id, decidedAt),
      ),
    ),
  ];
  const written = await runInOrder(tx, {
    writes: oneStatement(writes),
    // Checked once everything is written (this document's links and the stored ones together,
    // under the taxonomy lock); a cycle rolls the whole document back.
    cycles: broader.length > 0 ? [topicCyclesQuery(broader.map((pair) => pair.owner))] : [],
    // The records' state now, against the state read before (checks.stored): what this write
    // changed goes to the change log (document.changes.ts).
    after: oneRead(
      rows.nodes.flatMap((group) =>
        chunks(group.rows.map((row) => row.id)).map((batch) => existingNodesQuery(group.label, batch)),
      ),
    ),
  });
  const cycles = written.cycles[0] ?? [];
  if (cycles.length > 0) {
    throw new DocumentRejectedError(
      cycles.map((cycle) => ({
        file,
        record: String(cycle.topic),
        field: 'broader',
        message: `would make a cycle of broader topics: ${(cycle.chain as string[]).join(' -> ')}; a topic can't be broader than itself`,
      })),
    );
  }
  // Counted from the start of this document's own work, locks included: a node the lock created
  // bare is a node this document created. Several documents may share one transaction.
  const after = tx.created();
  const nodesCreated = after.nodes - createdBefore.nodes;
  const relationshipsCreated = after.relationships - createdBefore.relationships;
  let status: LoadStatus = state?.contentHash ? 'updated' : 'created';
  if (mode.source === 'existing') status = nodesCreated + relationshipsCreated > 0 ? 'created' : 'unchanged';
  tx.noteChanges(
    documentChanges(
      rows.nodes,
      checks.stored,
      written.after,
      mode.source === 'document' ? document.source.id : null,
      // Records whose single link an upsert moved to another node (removeOtherLinksQuery above).
      mode.onConflict === 'update' ? checks.links.flat().map((link) => String(link.owner)) : [],
    ),
  );
  const matches = [...(resolution?.aliases.values() ?? [])].flatMap((aliasRows) =>
    aliasRows.map((row) => ({ id: row.alias, matchedTo: row.id, reason: row.reason })),
  );
  return { file, sourceId: document.source.id, status, nodesCreated, relationshipsCreated, facts, matches };
}

/** Loads one document in its own transaction. */
export async function loadDocument(
  db: GraphDatabase,
  document: LoadableDocument,
  file: string,
  unresolved: readonly UnresolvedReference[] = [],
  stats?: QueryStats,
): Promise<{ outcome: LoadOutcome; bookmarks: string[] }> {
  const writer = new GraphWriter(db, { stats });
  const outcome = await writer.write((tx) => writeDocument(tx, document, file, unresolved));
  return { outcome, bookmarks: [...writer.bookmarks] };
}
