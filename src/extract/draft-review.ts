/**
 * Applies a reviewer's decisions to a draft: rejected facts leave the document with every
 * reference to them, corrections (speaker or holder, stance, topic, date, status) are written into
 * their records, and the result is a new document for `importDocument`. Pure (no Node APIs), so the
 * review page runs the very same code in the browser that a test runs here.
 *
 * Judgement calls:
 * - A meeting moved to another date gets the id `meeting:<new date>-<same slug>` (the format wants
 *   the date first, equal to `date`), and statements made at it follow. Its `dateText` and
 *   `dateResolution` are dropped: they explained how the old date was read from the text, which no
 *   longer holds for a date a reviewer set by hand.
 * - Other ids are kept: a statement's or position's id names the fact, and a corrected fact
 *   re-imported over an uncorrected one under the same id is refused by the importer, as it should be.
 * - A position whose holder, stance or topic is corrected gets the summary "<holder> <STANCE>
 *   <topic>", since the drafted one would contradict it.
 * - A speaker, holder or topic may be any id the document defines, any of the draft's entities, or
 *   a candidate of one (an entity the graph holds, offered when the match was ambiguous); anything
 *   else is a ReviewError naming the fact and the field, as is a value the format would refuse.
 * - An empty `date` removes a statement's or position's date (a meeting needs one).
 * - Entities stay even when no accepted fact refers to them: each carries its own evidence.
 */
import { ActorId, Meeting, MeetingStatus, Stance, TopicId, type Document } from '../ingest/document.format';
import type { Draft, DraftFact, DraftFactKind } from './draft.types';

/** What a reviewer decided about one proposed fact; corrections left out keep the drafted value. */
export interface FactDecision {
  accept: boolean;
  /** Statement speaker or position holder: an actor id. */
  actor?: string;
  stance?: string;
  /** A position's topic id. */
  topic?: string;
  /** YYYY-MM-DD; empty removes a statement's or position's date. */
  date?: string;
  /** Meeting status. */
  status?: string;
}

/** Decisions keyed by fact id; a fact missing from them is accepted as drafted. */
export type ReviewDecisions = Record<string, FactDecision>;

export interface ReviewProblem {
  /** The fact's id. */
  fact: string;
  field: string;
  message: string;
}

/** The decisions can't be applied; `problems` says which fact and field, one each. */
export class ReviewError extends Error {
  override name = 'ReviewError';
  constructor(readonly problems: ReviewProblem[]) {
    super(problems.map((problem) => `${problem.fact}: ${problem.field}: ${problem.message}`).join('\n'));
  }
}

type Correction = Exclude<keyof FactDecision, 'accept'>;
const CORRECTIONS: readonly Correction[] = ['actor', 'stance', 'topic', 'date', 'status'];

/** The corrections each kind of fact can take. */
const CORRECTABLE: Record<DraftFactKind, readonly Correction[]> = {
  MEETING: ['date', 'status'],
  STATEMENT: ['actor', 'date'],
  POSITION: ['actor', 'stance', 'topic', 'date'],
};

type MeetingRecord = Document['meetings'][number];
type StatementRecord = Document['statements'][number];
type PositionRecord = Document['positions'][number];
type FactRecord = MeetingRecord | StatementRecord | PositionRecord;

/** What follows the date in a meeting's id: `meeting:2025-04-10-nato-brussels` -> `nato-brussels`. */
function meetingSlug(id: string): string {
  return id.replace(/^meeting:(\d{4}-\d{2}-\d{2}-)?/, '');
}

export function applyReview(draft: Draft, decisions: ReviewDecisions): Document {
  const document = structuredClone(draft.document);
  const facts = new Map(draft.facts.map((fact) => [fact.id, fact]));
  const problems: ReviewProblem[] = [];
  for (const id of Object.keys(decisions)) {
    if (!facts.has(id))
      problems.push({
        fact: id,
        field: 'id',
        message: 'is not a fact of this draft (was it drafted again?)',
      });
  }

  const records = new Map<string, FactRecord>(
    [...document.meetings, ...document.statements, ...document.positions].map((record) => [
      record.id,
      record,
    ]),
  );
  const known = knownIds(draft, document);
  const rejected = new Set<string>();
  const renamedMeetings = new Map<string, string>();
  const corrected: { fact: DraftFact; record: FactRecord; decision: FactDecision }[] = [];

  for (const fact of draft.facts) {
    const decision = decisions[fact.id];
    if (decision && !decision.accept) {
      rejected.add(fact.id);
      continue;
    }
    if (!decision) continue;
    const record = records.get(fact.id);
    const before = problems.length;
    checkDecision(fact, decision, known, problems);
    if (problems.length > before) continue;
    if (!record) {
      if (hasCorrections(decision))
        problems.push({
          fact: fact.id,
          field: 'id',
          message: 'has no record in the draft document to correct',
        });
      continue;
    }
    corrected.push({ fact, record, decision });
  }

  // Meeting ids follow their dates; two meetings kept must not end up under one id (but two may swap).
  const movedTo = new Map<string, string>();
  for (const { fact, record, decision } of corrected)
    if (fact.kind === 'MEETING' && decision.date !== undefined && decision.date !== record.date)
      movedTo.set(record.id, decision.date);
  const meetingsById = new Map<string, string[]>();
  for (const meeting of document.meetings) {
    if (rejected.has(meeting.id)) continue;
    const date = movedTo.get(meeting.id);
    const id = date === undefined ? meeting.id : `meeting:${date}-${meetingSlug(meeting.id)}`;
    meetingsById.set(id, [...(meetingsById.get(id) ?? []), meeting.id]);
  }
  for (const [id, meetings] of meetingsById) {
    for (const meeting of meetings.filter((m) => movedTo.has(m))) {
      if (meetings.length === 1) renamedMeetings.set(meeting, id);
      else
        problems.push({
          fact: meeting,
          field: 'date',
          message: `moves the meeting to ${movedTo.get(meeting)}, which gives it the id ${id}, as another meeting of this draft (${meetings.filter((m) => m !== meeting).join(', ')}); reject one of them`,
        });
    }
  }
  if (problems.length > 0) throw new ReviewError(problems);

  for (const { fact, record, decision } of corrected) correct(fact.kind, record, decision, draft, document);

  document.meetings = document.meetings
    .filter((meeting) => !rejected.has(meeting.id))
    .map((meeting) => ({ ...meeting, id: renamedMeetings.get(meeting.id) ?? meeting.id }));
  document.statements = document.statements
    .filter((statement) => !rejected.has(statement.id))
    .map((statement) => {
      if (statement.meeting === undefined) return statement;
      if (rejected.has(statement.meeting)) {
        const { meeting: _dropped, ...rest } = statement;
        return rest;
      }
      const renamed = renamedMeetings.get(statement.meeting);
      if (renamed === undefined) return statement;
      // A statement made at a meeting moved to another day was made on that day.
      return { ...statement, meeting: renamed, date: movedTo.get(statement.meeting) ?? statement.date };
    });
  document.positions = document.positions
    .filter((position) => !rejected.has(position.id))
    .map((position) => ({ ...position, statements: position.statements.filter((id) => !rejected.has(id)) }));
  dropUnusedAmbiguous(draft, document);
  return document;
}

/**
 * An AMBIGUOUS entity's record stays only while a kept fact still names it: once the reviewer has
 * picked one of its candidates (or rejected its facts), importing it would create a duplicate of a
 * person or organization the graph already holds.
 */
function dropUnusedAmbiguous(draft: Draft, document: Document): void {
  const ambiguous = new Set(
    draft.entities.filter((entity) => entity.decision === 'AMBIGUOUS').map((entity) => entity.id),
  );
  if (ambiguous.size === 0) return;
  const named = new Set<string>();
  const note = (id: string | undefined) => {
    if (id) named.add(id);
  };
  for (const meeting of document.meetings) {
    [...meeting.convenedBy, ...meeting.chairs, ...meeting.participants].forEach(note);
    note(meeting.place);
  }
  for (const statement of document.statements) note(statement.speaker);
  for (const position of document.positions) note(position.holder);
  for (const organization of document.organizations) {
    organization.members.forEach((member) => note(member.nation));
    organization.leaders.forEach((leader) => note(leader.actor));
  }
  const keep = (record: { id: string }) => !ambiguous.has(record.id) || named.has(record.id);
  document.officials = document.officials.filter(keep);
  document.organizations = document.organizations.filter(keep);
  document.places = document.places.filter(keep);
}

/** Ids a correction may name: the document's records, the draft's entities and their candidates. */
function knownIds(draft: Draft, document: Document): Set<string> {
  const ids = new Set<string>();
  for (const section of [document.nations, document.officials, document.organizations, document.topics])
    for (const record of section) ids.add(record.id);
  for (const entity of draft.entities) {
    ids.add(entity.id);
    for (const candidate of entity.candidates) ids.add(candidate);
  }
  return ids;
}

function hasCorrections(decision: FactDecision): boolean {
  return CORRECTIONS.some((field) => decision[field] !== undefined);
}

/** Each correction fits the fact's kind, the format's rule for its field, and names a known id. */
function checkDecision(
  fact: DraftFact,
  decision: FactDecision,
  known: ReadonlySet<string>,
  problems: ReviewProblem[],
): void {
  const problem = (field: string, message: string) => problems.push({ fact: fact.id, field, message });
  for (const field of CORRECTIONS) {
    const value = decision[field];
    if (value === undefined) continue;
    if (!CORRECTABLE[fact.kind].includes(field)) {
      problem(
        field,
        `cannot be corrected on a ${fact.kind.toLowerCase()} (only ${CORRECTABLE[fact.kind].join(', ')})`,
      );
      continue;
    }
    if (field === 'date' && value === '') {
      if (fact.kind === 'MEETING') problem(field, 'cannot be removed: a meeting needs a date');
      continue;
    }
    const rule = RULES[field];
    const checked = rule.safeParse(value);
    if (!checked.success) {
      const rulePlainly =
        'options' in rule ? `must be one of ${rule.options.join(', ')}` : checked.error.issues[0].message;
      problem(field, `is "${value}": ${rulePlainly}`);
      continue;
    }
    if ((field === 'actor' || field === 'topic') && !known.has(value))
      problem(field, `refers to "${value}", which is neither in the draft document nor among its entities`);
  }
}

/** Each correction is checked with the format's own rule for the field it lands in. */
const RULES = {
  actor: ActorId,
  stance: Stance,
  topic: TopicId,
  date: Meeting.shape.date,
  status: MeetingStatus,
} as const;

function correct(
  kind: DraftFactKind,
  record: FactRecord,
  decision: FactDecision,
  draft: Draft,
  document: Document,
): void {
  if (kind === 'MEETING') {
    const meeting = record as MeetingRecord;
    if (decision.date !== undefined && decision.date !== meeting.date) {
      meeting.date = decision.date;
      delete meeting.dateText;
      delete meeting.dateResolution;
    }
    if (decision.status !== undefined) meeting.status = decision.status as MeetingRecord['status'];
    return;
  }
  const dated = record as StatementRecord | PositionRecord;
  if (decision.date === '') delete dated.date;
  else if (decision.date !== undefined) dated.date = decision.date;
  if (kind === 'STATEMENT') {
    if (decision.actor !== undefined) (record as StatementRecord).speaker = decision.actor;
    return;
  }
  const position = record as PositionRecord;
  const before = `${position.holder} ${position.stance} ${position.topic}`;
  if (decision.actor !== undefined) position.holder = decision.actor;
  if (decision.stance !== undefined) position.stance = decision.stance as PositionRecord['stance'];
  if (decision.topic !== undefined) position.topic = decision.topic;
  if (`${position.holder} ${position.stance} ${position.topic}` !== before) {
    const name = nameOf(draft, document);
    position.summary = `${name(position.holder)} ${position.stance} ${name(position.topic)}`;
  }
}

/** An id's name: from the document's record, else the draft's entity, else the id itself. */
function nameOf(draft: Draft, document: Document): (id: string) => string {
  const names = new Map<string, string>();
  for (const entity of draft.entities) names.set(entity.id, entity.name);
  for (const section of [document.nations, document.officials, document.organizations, document.topics])
    for (const record of section) names.set(record.id, record.name);
  return (id) => names.get(id) ?? id;
}
