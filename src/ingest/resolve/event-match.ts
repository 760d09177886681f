/**
 * Is a new report of a meeting, statement or position one the graph already holds? Pure scoring
 * over candidates the resolver read (docs/corroboration.md gives the rules in prose).
 */
import { sameWords, spellingWords } from './spelling';

/** A meeting as scoring sees it: places are the place and every place it lies within. */
export interface MeetingView {
  id: string;
  date: string;
  title: string;
  /** The meeting's place first, then the places it lies within. */
  places: string[];
  conveners: string[];
  /** Participants and chairs together. */
  people: string[];
}

/** A meeting scoring this much, ahead of every other candidate, is the same meeting. */
export const SAME_MEETING_SCORE = 5;
/** Days two reports of one meeting may disagree by ("Thursday" resolved a day off). */
export const MEETING_DATE_SLACK_DAYS = 1;
/** Days apart two reports of one statement or position may be dated (or first reported). */
export const FACT_WINDOW_DAYS = 7;

const TITLE_STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'in',
  'of',
  'on',
  'the',
  'to',
  'for',
  'with',
  'meeting',
]);

function titleWords(title: string): Set<string> {
  return new Set(spellingWords(title).filter((word) => !TITLE_STOP_WORDS.has(word)));
}

export function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const other = new Set(b);
  return a.filter((item) => other.has(item)).length;
}

export interface MeetingScore {
  score: number;
  reasons: string[];
}

/** Points for each way two reports agree; see SAME_MEETING_SCORE. */
export function scoreMeeting(report: MeetingView, stored: MeetingView): MeetingScore {
  const reasons: string[] = [];
  let score = 0;
  const days = dayDistance(report.date, stored.date);
  if (days > MEETING_DATE_SLACK_DAYS) return { score: 0, reasons: [] };
  if (days === 0) {
    score += 2;
    reasons.push('same date');
  } else {
    score += 1;
    reasons.push(`dates a day apart (${report.date} / ${stored.date})`);
  }
  const [ours, theirs] = [report.places[0], stored.places[0]];
  if (ours && theirs && (stored.places.includes(ours) || report.places.includes(theirs))) {
    score += 2;
    reasons.push(ours === theirs ? 'same place' : 'one place lies within the other');
  }
  if (overlap(report.conveners, stored.conveners) > 0) {
    score += 2;
    reasons.push('same convener');
  }
  const shared = overlap(report.people, stored.people);
  const fewer = Math.min(report.people.length, stored.people.length);
  if (shared > 0 && shared * 2 >= fewer) {
    score += 2;
    reasons.push(`${shared} of ${fewer} participants shared`);
  } else if (shared > 0) {
    score += 1;
    reasons.push(`${shared} participant${shared === 1 ? '' : 's'} shared`);
  }
  const [a, b] = [titleWords(report.title), titleWords(stored.title)];
  const common = [...a].filter((word) => b.has(word)).length;
  if (a.size > 0 && b.size > 0 && common * 2 >= Math.min(a.size, b.size)) {
    score += 1;
    reasons.push('titles share words');
  }
  return { score, reasons };
}

export interface Best<T> {
  match: T;
  score: number;
  reason: string;
}

/**
 * The stored meeting a report is, if one scores SAME_MEETING_SCORE or more and more than any
 * other (a tie means the report can't tell them apart: it stays a new meeting).
 */
export function bestMeeting(
  report: MeetingView,
  candidates: readonly MeetingView[],
): Best<MeetingView> | undefined {
  const scored = candidates
    .map((candidate) => ({ candidate, ...scoreMeeting(report, candidate) }))
    .sort((x, y) => y.score - x.score || x.candidate.id.localeCompare(y.candidate.id));
  const [first, second] = scored;
  if (!first || first.score < SAME_MEETING_SCORE || (second && second.score === first.score))
    return undefined;
  return {
    match: first.candidate,
    score: first.score,
    reason: `same meeting (score ${first.score}: ${first.reasons.join(', ')})`,
  };
}

export interface StatementView {
  id: string;
  text: string;
  meeting?: string | null;
}

/** The stored statement with the same words (spelling and truncation aside), preferring one at the same meeting. */
export function bestStatement(
  report: StatementView,
  candidates: readonly StatementView[],
): Best<StatementView> | undefined {
  const same = candidates.filter((candidate) => sameWords(report.text, candidate.text));
  if (same.length === 0) return undefined;
  const match =
    same.find((candidate) => report.meeting && candidate.meeting === report.meeting) ??
    [...same].sort((x, y) => x.id.localeCompare(y.id))[0];
  return {
    match,
    score: 1,
    reason: 'same speaker and the same words (spelling, quote marks and truncation aside)',
  };
}

export interface PositionView {
  id: string;
  /** The date, or the day it was first reported. */
  day: string;
}

/** The stored position with the same holder, topic and stance nearest in time (candidates are pre-filtered). */
export function bestPosition(
  day: string,
  candidates: readonly PositionView[],
): Best<PositionView> | undefined {
  const nearest = [...candidates].sort(
    (x, y) => dayDistance(day, x.day) - dayDistance(day, y.day) || x.id.localeCompare(y.id),
  )[0];
  if (!nearest) return undefined;
  return {
    match: nearest,
    score: 1,
    reason: `same holder, topic and stance, ${dayDistance(day, nearest.day)} day(s) apart`,
  };
}
