/**
 * Validates a whole document before anything is written, collecting every problem rather than
 * stopping at the first. Each error names the file, the record (its id) and the field, and says
 * what to fix. References to ids defined elsewhere are returned for the loader to check against
 * the graph, since entities are shared across documents.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DocumentSchema, type Document } from './document.format';

export interface DocumentError {
  file: string;
  /** The record's id, `source`, or `(document)` for the file as a whole. */
  record: string;
  /** Dotted path inside the record, e.g. `evidence[0].excerpt`. */
  field: string;
  message: string;
}

export interface UnresolvedReference {
  record: string;
  field: string;
  id: string;
}

export type ValidationResult =
  | { ok: true; document: Document; unresolvedReferences: UnresolvedReference[] }
  | { ok: false; errors: DocumentError[] };

export function formatDocumentError(error: DocumentError): string {
  return `${error.file}: ${error.record}: ${error.field}: ${error.message}`;
}

/** Parses JSON text; malformed JSON is reported with its line and column. */
export function parseDocumentText(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; errors: DocumentError[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      where = ` at line ${line}, column ${Number(position[1]) - before.lastIndexOf('\n')}`;
    }
    return {
      ok: false,
      errors: [
        {
          file,
          record: '(document)',
          field: '(json)',
          message: `is not valid JSON${where}: ${message.replace(/^.*?: /, '')}`,
        },
      ],
    };
  }
}

export function parseDocumentFile(file: string): ValidationResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          file,
          record: '(document)',
          field: '(file)',
          message: `cannot be read: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = parseDocumentText(text, file);
  return parsed.ok ? validateDocument(parsed.value, file) : parsed;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}

/** Names the record an issue belongs to: the id of `section[i]`, or the section itself. */
function locate(raw: unknown, path: readonly PropertyKey[]): { record: string; field: string } {
  const [section, index, ...rest] = path;
  if (section === 'source') return { record: 'source', field: pathText(path.slice(1)) || '(record)' };
  if (typeof section === 'string' && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)?.[section]?.[index] as { id?: unknown } | undefined;
    const record = typeof item?.id === 'string' ? item.id : `${section}[${index}]`;
    return { record, field: pathText(rest) || '(record)' };
  }
  return { record: '(document)', field: pathText(path) || '(document)' };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function schemaErrors(raw: unknown, issues: z.core.$ZodIssue[], file: string): DocumentError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const { record, field } = locate(raw, [...issue.path, key]);
        return {
          file,
          record,
          field,
          message: 'is not a field of this format (check the spelling; see docs/document-format.md)',
        };
      });
    }
    const { record, field } = locate(raw, issue.path);
    const missing = valueAt(raw, issue.path) === undefined;
    return [
      {
        file,
        record,
        field,
        message: missing ? 'is required' : issue.message.replace(/^Invalid input: /, ''),
      },
    ];
  });
}

export function validateDocument(raw: unknown, file: string): ValidationResult {
  const parsed = DocumentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: schemaErrors(raw, parsed.error.issues, file) };
  const document = parsed.data;
  const errors: DocumentError[] = [];
  const sourceText = document.source.text;

  // Every id once; the same id twice is a conflicting reuse even when the two records agree.
  const defined = new Map<string, string>();
  const define = (id: string) => {
    if (defined.has(id)) {
      errors.push({
        file,
        record: id,
        field: 'id',
        message: 'id reused: another record in this document has the same id; merge them or use another id',
      });
    }
    defined.set(id, id);
  };
  define(document.source.id);
  const sections = [
    document.nations,
    document.officials,
    document.organizations,
    document.places,
    document.topics,
    document.meetings,
    document.statements,
    document.positions,
  ] as { id: string }[][];
  for (const section of sections) for (const record of section) define(record.id);
  for (const official of document.officials) for (const role of official.roles) define(role.id);

  for (const nation of document.nations) {
    if (nation.id !== `nation:${nation.iso3.toLowerCase()}`) {
      errors.push({
        file,
        record: nation.id,
        field: 'iso3',
        message: `must match the id: "${nation.id}" needs iso3 "${nation.id.slice(7).toUpperCase()}"`,
      });
    }
  }
  for (const meeting of document.meetings) {
    if (!meeting.id.startsWith(`meeting:${meeting.date}-`)) {
      errors.push({
        file,
        record: meeting.id,
        field: 'date',
        message: `must match the date in the id (${meeting.id.slice(8, 18)})`,
      });
    }
  }

  // A topic can't be broader than itself, directly or through other topics of this document (a
  // cycle through topics already in the graph is not checked here: validation doesn't see the graph).
  const broaderOf = new Map(document.topics.map((topic) => [topic.id, topic.broader]));
  for (const topic of document.topics) {
    const chain = [topic.id];
    let next = topic.broader;
    while (next !== undefined && next !== topic.id && !chain.includes(next)) {
      chain.push(next);
      next = broaderOf.get(next);
    }
    if (next !== topic.id) continue;
    errors.push({
      file,
      record: topic.id,
      field: 'broader',
      message:
        chain.length === 1
          ? 'must not be the topic itself: a topic cannot be broader than itself'
          : `makes a cycle (${[...chain, topic.id].join(' -> ')}): a topic cannot be broader than itself; remove one of these links`,
    });
  }

  // Evidence must be verbatim: a fact whose excerpt is not in the source fails to load.
  const checkEvidence = (record: string, field: string, evidence: { excerpt: string }[]) =>
    evidence.forEach((item, index) => {
      if (!sourceText.includes(item.excerpt)) {
        errors.push({
          file,
          record,
          field: `${field}[${index}].excerpt`,
          message: `is not verbatim in source.text: "${item.excerpt.slice(0, 80)}${item.excerpt.length > 80 ? '…' : ''}" (copy it exactly, including punctuation)`,
        });
      }
    });
  for (const section of sections) {
    for (const record of section as { id: string; evidence?: { excerpt: string }[] }[])
      checkEvidence(record.id, 'evidence', record.evidence ?? []);
  }
  for (const official of document.officials)
    for (const role of official.roles) checkEvidence(role.id, 'evidence', role.evidence);
  for (const organization of document.organizations) {
    organization.members.forEach((member, i) =>
      checkEvidence(organization.id, `members[${i}].evidence`, member.evidence),
    );
    organization.leaders.forEach((leader, i) =>
      checkEvidence(organization.id, `leaders[${i}].evidence`, leader.evidence),
    );
  }
  for (const statement of document.statements) {
    if (statement.kind === 'QUOTE' && !sourceText.includes(statement.text)) {
      errors.push({
        file,
        record: statement.id,
        field: 'text',
        message: 'a QUOTE must be verbatim in source.text; use kind PARAPHRASE for reported speech',
      });
    }
  }

  // References: resolved here when the document defines the id, otherwise by the loader in the graph.
  const unresolved: UnresolvedReference[] = [];
  const refer = (record: string, field: string, id: string | undefined) => {
    if (id !== undefined && !defined.has(id)) unresolved.push({ record, field, id });
  };
  for (const official of document.officials) {
    refer(official.id, 'nation', official.nation);
    for (const role of official.roles) {
      refer(role.id, 'nation', role.nation);
      refer(role.id, 'organization', role.organization);
    }
  }
  for (const organization of document.organizations) {
    organization.members.forEach((member, i) =>
      refer(organization.id, `members[${i}].nation`, member.nation),
    );
    organization.leaders.forEach((leader, i) => refer(organization.id, `leaders[${i}].actor`, leader.actor));
  }
  for (const place of document.places) {
    refer(place.id, 'country', place.country);
    refer(place.id, 'within', place.within);
  }
  for (const topic of document.topics) refer(topic.id, 'broader', topic.broader);
  for (const meeting of document.meetings) {
    refer(meeting.id, 'place', meeting.place);
    meeting.convenedBy.forEach((id, i) => refer(meeting.id, `convenedBy[${i}]`, id));
    meeting.chairs.forEach((id, i) => refer(meeting.id, `chairs[${i}]`, id));
    meeting.participants.forEach((id, i) => refer(meeting.id, `participants[${i}]`, id));
    meeting.topics.forEach((id, i) => refer(meeting.id, `topics[${i}]`, id));
  }
  for (const statement of document.statements) {
    refer(statement.id, 'speaker', statement.speaker);
    refer(statement.id, 'meeting', statement.meeting);
    statement.topics.forEach((id, i) => refer(statement.id, `topics[${i}]`, id));
  }
  for (const position of document.positions) {
    refer(position.id, 'holder', position.holder);
    refer(position.id, 'topic', position.topic);
    position.statements.forEach((id, i) => refer(position.id, `statements[${i}]`, id));
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document, unresolvedReferences: unresolved };
}
