/**
 * What drafting an article produces: a document in the import format (`document`), plus what a
 * reviewer needs to judge it: each entity with its match decision against the graph, and each
 * proposed fact with its verbatim excerpt, offsets and confidence. Pure data, shared by the CLI,
 * the GraphQL API and the browser review page.
 */
import type { Document } from '../ingest/document.format';

/** An article as a user gives it: the text and the source's metadata. */
export interface ArticleInput {
  text: string;
  title: string;
  publisher: string;
  /** YYYY-MM-DD; relative dates ("on Thursday") are resolved against it. */
  publishedAt: string;
  url?: string | null;
}

export type DraftEntityKind = 'NATION' | 'OFFICIAL' | 'ORGANIZATION' | 'PLACE' | 'TOPIC';

/**
 * EXISTING: the entity is in the graph (`id` is its id). NEW: nothing in the graph matched, so the
 * draft defines it. AMBIGUOUS: more than one existing entity could be meant; `candidates` lists
 * them, `id` is a new one, and a reviewer must choose (never guessed).
 */
export type MatchDecision = 'EXISTING' | 'NEW' | 'AMBIGUOUS';

/** A span of the article text: `text === article.text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface DraftEntity {
  id: string;
  kind: DraftEntityKind;
  name: string;
  decision: MatchDecision;
  /** Why: "alias \"Hakkanen\" of official:antti-hakkanen (accents ignored)", "no match in the graph", ... */
  reason: string;
  /** Existing ids it could be, when AMBIGUOUS (and the one chosen, when EXISTING). */
  candidates: string[];
  mentions: TextSpan[];
}

export type DraftFactKind = 'MEETING' | 'STATEMENT' | 'POSITION';

/**
 * One proposed fact. `id` is its record's id in `Draft.document` (meetings, statements or
 * positions). The fields after `confidence` are the ones a reviewer may correct; they mirror the
 * record so a review page can show them without reading the document.
 */
export interface DraftFact {
  id: string;
  kind: DraftFactKind;
  /** One line for a reviewer: "John Healey STRESSES US involvement". */
  summary: string;
  /** The record's first evidence excerpt, verbatim: `article.text.slice(start, end) === excerpt`. */
  excerpt: string;
  start: number;
  end: number;
  /** 0..1: how sure the extractor is (0.9 a quote with a named speaker and a reporting verb, ...). */
  confidence: number;
  /** Statement speaker or position holder (an actor id in the document or the graph). */
  actor?: string;
  stance?: string;
  /** A position's topic id. */
  topic?: string;
  /** Meeting, statement or position date, YYYY-MM-DD. */
  date?: string;
  /** Meeting status: HELD, SCHEDULED or CANCELLED. */
  status?: string;
  /** Statement kind: QUOTE or PARAPHRASE. */
  statementKind?: string;
  /** Statement text or meeting title. */
  text?: string;
}

export interface Draft {
  /** Passes the import validator as it is; give it to `importDocument` or `npm run import` after review. */
  document: Document;
  entities: DraftEntity[];
  facts: DraftFact[];
  /** Things a reviewer should know that are no fact: "quote at 312 has no speaker; left out". */
  warnings: string[];
}

/** An entity the graph already holds, as the extractor matches against it. */
export interface KnownEntity {
  id: string;
  kind: DraftEntityKind;
  name: string;
  aliases: string[];
  /** An official's nation id. */
  nation?: string | null;
  /** An official's role titles ("Defence Secretary"), used as context when names are close. */
  offices?: string[];
}
