/**
 * The same-event rules of docs/corroboration.md, written out for tests that check test data against
 * them (the multi-source fixtures, the re-report generator) without a database. Where the design
 * leaves a ratio open ("overlapping by half", "sharing half their words"), `strict` measures against
 * the larger side and the generous reading against the smaller: data meant to merge must score 5
 * read strictly, data meant to stay apart must stay under 5 read generously.
 */
import { foldText } from '../../../src/graph/text';

const DAY = 86_400_000;
export const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

const SPELLING: Record<string, string> = { defense: 'defence', organization: 'organisation' };
/** A title's distinct words, folded, with American spellings made British. */
export const titleWords = (title: string) =>
  new Set(
    foldText(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((word) => SPELLING[word] ?? word),
  );

export interface MeetingLike {
  title: string;
  date: string;
  place?: string;
  convenedBy: string[];
  chairs: string[];
  participants: string[];
}

export interface ScoreOptions {
  strict: boolean;
  /** The node an id stands for (an alias resolved); the id itself by default. */
  resolve?: (id: string) => string;
  /** Whether two resolved places are the same or one lies within the other; equality by default. */
  nested?: (a: string, b: string) => boolean;
}

/** Step 4's points for `incoming` against a stored meeting: 5 or more, ahead of the rest, merges. */
export function meetingScore(incoming: MeetingLike, stored: MeetingLike, options: ScoreOptions): number {
  const resolve = options.resolve ?? ((id: string) => id);
  const nested = options.nested ?? ((a: string, b: string) => a === b);
  const days = daysBetween(incoming.date, stored.date);
  if (days > 1) return 0;
  let points = days === 0 ? 2 : 1;
  if (incoming.place && stored.place && nested(resolve(incoming.place), resolve(stored.place))) points += 2;
  const conveners = new Set(stored.convenedBy.map(resolve));
  if (incoming.convenedBy.some((id) => conveners.has(resolve(id)))) points += 2;
  const people = (m: MeetingLike) => new Set([...m.participants, ...m.chairs].map(resolve));
  const [mine, theirs] = [people(incoming), people(stored)];
  const shared = [...mine].filter((id) => theirs.has(id)).length;
  const base = options.strict ? Math.max(mine.size, theirs.size) : Math.min(mine.size, theirs.size);
  if (shared > 0) points += base > 0 && shared * 2 >= base ? 2 : 1;
  const [a, b] = [titleWords(incoming.title), titleWords(stored.title)];
  const common = [...a].filter((word) => b.has(word)).length;
  if (common * 2 >= (options.strict ? Math.max(a.size, b.size) : Math.min(a.size, b.size))) points += 1;
  return points;
}

/** British spellings test data may hold, as American ones; -ise/-ize verbs are handled apart. */
const AMERICAN: Record<string, string> = {
  defence: 'defense',
  focussed: 'focused',
  organisation: 'organization',
  armour: 'armor',
  centre: 'center',
};

/** Quotes, dashes, punctuation, case and spelling normalised: the words step 5 compares. */
export function normaliseWords(text: string): string {
  return foldText(text)
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => AMERICAN[word] ?? word.replace(/(\p{L}{3})is(e|ed|es|ing)$/u, '$1iz$2'))
    .join(' ');
}

/** Step 5: the same words after normalising, or one text holding the other of 6 words or more. */
export function sameWords(a: string, b: string): boolean {
  const [x, y] = [normaliseWords(a), normaliseWords(b)];
  const shorter = x.length <= y.length ? x : y;
  const longer = shorter === x ? y : x;
  return x === y || (longer.includes(shorter) && shorter.split(' ').length >= 6);
}
