/**
 * The write API as a story: build the same document records the import format uses (one partial
 * document per cited source), validate them with the import's rules, then write them all in one
 * transaction. Nothing is half-written, and a repeated call changes nothing.
 */
import { createHash } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../../errors';
import { ChangeKind } from '../../graph/change-log.cypher';
import type { Row } from '../../graph/database';
import type { GraphReader } from '../../graph/graph-reader';
import type { GraphWriter } from '../../graph/graph-writer';
import { Label } from '../../graph/model';
import { FORMAT, type Document } from '../../ingest/document.format';
import {
  DocumentRejectedError,
  writeDocument,
  type LoadOutcome,
  type WriteMode,
} from '../../ingest/document.loader';
import { sourceProps } from '../../ingest/document.rows';
import { validateDocument, type DocumentError } from '../../ingest/document.validate';
import { lockNodesQuery } from '../../graph/write-locks';
import { toIsoDate } from '../common/scalars';
import { retractQuery, sourcesByIdQuery, upsertSourceQuery } from './write.cypher';
import type { SourceInput } from './write.inputs';

type Section =
  'nations' | 'officials' | 'organizations' | 'places' | 'topics' | 'meetings' | 'statements' | 'positions';
type EvidenceRef = { source: string; excerpt: string };

export const UPSERT: WriteMode = { source: 'existing', onConflict: 'update' };
export const RECORD: WriteMode = { source: 'existing', onConflict: 'reject' };

/** A stable id from content, so a client that omits ids can still retry safely. */
export function derivedId(prefix: string, ...parts: (string | null | undefined)[]): string {
  return `${prefix}:${createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 20)}`;
}

function rejected(problems: Pick<DocumentError, 'record' | 'field' | 'message'>[]): BadUserInputError {
  const summary = problems.map((p) => `${p.record}: ${p.field}: ${p.message}`).join('; ');
  return new BadUserInputError(`Nothing was written: ${summary}`, {
    problems: problems.map(({ record, field, message }) => ({ record, field, message })),
  });
}

/** Keeps only the evidence from `source` in a record and its nested items; drops nested items left without any. */
function forSource(value: unknown, source: string): unknown {
  if (Array.isArray(value)) {
    return value
      .map((item) => forSource(item, source))
      .filter(
        (item) =>
          !(
            item &&
            typeof item === 'object' &&
            'evidence' in item &&
            (item as { evidence: unknown[] }).evidence.length === 0
          ),
      );
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'evidence' && Array.isArray(inner)) {
        out.evidence = (inner as EvidenceRef[])
          .filter((ref) => ref.source === source)
          .map((ref) => ({ excerpt: ref.excerpt }));
      } else if (inner !== null && inner !== undefined) {
        out[key] = forSource(inner, source);
      }
    }
    return out;
  }
  return value;
}

function citedSources(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => citedSources(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'evidence' && Array.isArray(inner))
        (inner as EvidenceRef[]).forEach((ref) => into.add(ref.source));
      else citedSources(inner, into);
    }
  }
  return into;
}

/**
 * A source checked by the import format's rules (id, url, date...), as the import would store it.
 * A fault names the input's field, as the mutation's argument it came from.
 */
function validSource(input: SourceInput): Document['source'] {
  const source = {
    id: input.id,
    title: input.title,
    publisher: input.publisher,
    publishedAt: toIsoDate(input.publishedAt),
    ...(input.url == null ? {} : { url: input.url }),
    text: input.text,
  };
  const validated = validateDocument({ format: FORMAT, source }, 'input');
  if (!validated.ok) {
    const { errors } = validated;
    throw new BadUserInputError(errors.map(({ field, message }) => `\`${field}\` ${message}.`).join(' '), {
      argument: `input.${errors[0].field}`,
    });
  }
  return validated.document.source;
}

/** One per request (see server/context.ts): its reads and writes carry the request's bookmarks. */
export class WriteService {
  constructor(
    private readonly reader: GraphReader,
    private readonly writer: GraphWriter,
  ) {}

  /** Writes one record of a section, citing one or more sources, in one transaction. */
  async write(
    section: Section,
    record: Record<string, unknown> & { id: string; evidence?: EvidenceRef[] | null },
    mode: WriteMode,
  ) {
    const topSources = new Set((record.evidence ?? []).map((ref) => ref.source));
    if (topSources.size === 0)
      throw rejected([
        { record: record.id, field: 'evidence', message: 'needs at least one evidence excerpt' },
      ]);
    for (const source of citedSources(record)) {
      if (!topSources.has(source)) {
        throw rejected([
          {
            record: record.id,
            field: 'evidence',
            message: `nested evidence cites "${source}", which the record's own evidence does not; cite it there too`,
          },
        ]);
      }
    }
    const sources = await this.sources([...topSources]);
    const documents = sources.map((source) => {
      const partial = forSource(record, source.id as string) as Record<string, unknown>;
      const raw = {
        format: FORMAT,
        source: {
          id: source.id,
          title: source.title,
          publisher: source.publisher,
          publishedAt: source.publishedAt,
          ...(source.url ? { url: source.url } : {}),
          text: source.text,
        },
        [section]: [partial],
      };
      const validated = validateDocument(raw, 'input');
      if (!validated.ok) throw rejected(validated.errors);
      return validated;
    });
    return this.commit(async (write) => {
      const outcomes: LoadOutcome[] = [];
      for (const validated of documents)
        outcomes.push(await write(validated.document, validated.unresolvedReferences, mode));
      return outcomes;
    });
  }

  /** Imports a whole document, with exactly the validation of `npm run import`. */
  async importDocument(raw: unknown) {
    const validated = validateDocument(raw, 'document');
    if (!validated.ok) throw rejected(validated.errors);
    return this.commit((write) =>
      write(validated.document, validated.unresolvedReferences, { source: 'document', onConflict: 'reject' }),
    );
  }

  /**
   * Adds a source or updates its metadata. The text comparison runs under the source id's lock,
   * the lock imports of that source take too, so neither can slip another text in.
   */
  async upsertSource(input: SourceInput): Promise<Row> {
    const props = sourceProps(validSource(input));
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(Label.Source, [props.id]));
      const [row] = await tx.run(upsertSourceQuery(props));
      // Thrown inside the transaction, so it rolls back: the stored text stays as it was.
      if (row.sameText !== true) {
        throw new BadUserInputError(
          `Source "${props.id}" already has a different text; evidence depends on it. Use a new id for a new text.`,
          { argument: 'input.text' },
        );
      }
      if (row.changed === true)
        tx.noteChanges([
          { kind: ChangeKind.ENTITY_UPSERTED, subjectId: props.id, subjectLabel: Label.Source },
        ]);
      return row.source as Row;
    });
  }

  /** Retracts a fact under its id's lock, so a concurrent record of it sees the retraction. */
  async retract(
    label: Label,
    id: string,
    retraction: Parameters<typeof retractQuery>[2],
  ): Promise<Row | undefined> {
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(label, [id], { create: false }));
      const [row] = await tx.run(retractQuery(label, id, retraction));
      if (row?.newly === true)
        tx.noteChanges([{ kind: ChangeKind.FACT_RETRACTED, subjectId: id, subjectLabel: label }]);
      return row?.retraction as Row | undefined;
    });
  }

  /** Reads a record back after this request's writes (through their bookmarks), to return it. */
  async readBack<T>(label: Label, id: string): Promise<T> {
    const node = await this.writer.readerAfterWrites().nodeById(label, id);
    // Reads leave retracted facts out: one retracted by a concurrent request after this write
    // committed is gone by the time it is read back.
    if (!node) {
      throw new NotFoundError(
        `"${id}" was written, but another request retracted it before it could be read back; see \`retractions\`.`,
        { id },
      );
    }
    return node as unknown as T;
  }

  private async sources(ids: string[]): Promise<Row[]> {
    const rows = (await this.reader.read(sourcesByIdQuery(ids))).map((row) => row.source as Row);
    const missing = ids.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) {
      throw rejected(
        missing.map((id) => ({
          record: id,
          field: 'source',
          message: 'no such source: add it first with upsertSource',
        })),
      );
    }
    return rows;
  }

  private async commit<T>(
    work: (
      write: (
        document: Document,
        unresolved: Parameters<typeof writeDocument>[3],
        mode: WriteMode,
      ) => Promise<LoadOutcome>,
    ) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.writer.write((tx) =>
        work((document, unresolved, mode) => writeDocument(tx, document, 'input', unresolved, mode)),
      );
    } catch (error) {
      if (error instanceof DocumentRejectedError) throw rejected(error.problems);
      throw error;
    }
  }
}
