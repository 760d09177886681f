/**
 * Meetings: a sentence with a meeting verb or noun ("met", "will meet", "talks", "summit") and a
 * date, an organizer or named participants. Its status comes from the tense ("met" is HELD, "are
 * to chair" SCHEDULED, "postponed" CANCELLED), its date from dates.ts. A later sentence that
 * speaks of "the meeting" or "Thursday's gathering" adds to the meeting it means (participants,
 * the reported number of countries) instead of making another.
 */
import { MAX_EVIDENCE_PER_FACT, within, type ArticleContext } from './article-context';
import type { EntityDraft } from './entities';
import { findDates, type ResolvedDate } from './dates';
import {
  APPROXIMATE_WORDS,
  CANCELLED_CUES,
  FUTURE_CUES,
  MEETING_NOUNS,
  MEETING_VERBS,
  PARTICIPANT_COUNT_NOUNS,
} from './lexicon';
import type { Sentence } from './sentences';

export interface MeetingDraft {
  date: string;
  dateResolution?: ResolvedDate;
  status: 'HELD' | 'SCHEDULED' | 'CANCELLED';
  place?: string;
  convenedBy: string[];
  chairs: string[];
  participants: string[];
  nationsRepresented?: number;
  approximate?: boolean;
  evidence: { start: number; end: number }[];
  sentences: Sentence[];
  confidence: number;
  how: string;
}

const words = (list: readonly string[]) =>
  list.map((word) => word.replace(/\s+/g, '\\s+').replace(/'/g, "['’]")).join('|');
const MEETING_ALL = new RegExp(
  `(?<![\\p{L}])(?:${words([...MEETING_VERBS, ...MEETING_NOUNS])})(?![\\p{L}])`,
  'giu',
);
const MEETING_NOUN = new RegExp(`^(?:${words(MEETING_NOUNS)})$`, 'iu');
const FUTURE = new RegExp(`(?<![\\p{L}])(?:${words(FUTURE_CUES)})(?![\\p{L}])`, 'iu');
const CANCELLED = new RegExp(`(?<![\\p{L}])(?:${words(CANCELLED_CUES)})(?![\\p{L}])`, 'iu');
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
};
const COUNT = new RegExp(
  `(?<![\\p{L}])(?:(${words(APPROXIMATE_WORDS)})\\s+)?(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(?:\\p{Ll}+\\s+)?(?:${words(PARTICIPANT_COUNT_NOUNS)})(?![\\p{L}])`,
  'iu',
);
const CHAIR = /(?<![\p{L}])(?:co-)?(?:chair|chairs|chaired|chairing|host|hosts|hosted|hosting)(?![\p{L}])/iu;
const CHAIRED_BY = /(?<![\p{L}])(?:chaired|hosted|convened|organi[sz]ed)\s+by\s+$/iu;

/** Most meeting words (and dates) one sentence is read for: a real sentence has a few. */
const MAX_MEETING_WORDS = 12;
/** How far (characters) a date may be from the meeting word it dates. */
const MAX_DATE_DISTANCE = 150;
/** "the next summit", "another meeting": an indefinite one takes only a date right beside it. */
const INDEFINITE_BEFORE = /(?<![\p{L}])(?:next|upcoming|another|future)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const PAST_TRIGGERS = /^(?:met|held talks|held|gathered|convened|hosted|chaired|attended)$/iu;
const PRESENT_TRIGGERS =
  /^(?:meet|meets|convene|convenes|gather|gathers|hold talks|holds talks|host|hosts|chair|chairs)$/iu;
const POSTPONED_UNTIL =
  /(?<![\p{L}])(?:postponed|put off|pushed back|moved|delayed|rescheduled)\s+(?:until|to|till|for)\s+$/iu;
const DEFINITE_BEFORE =
  /(?<![\p{L}])(?:the|this|that|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s)\s+(?:\p{Ll}+\s+)?$/iu;

interface Trigger {
  at: number;
  word: string;
  future: boolean;
  backReference: boolean;
}

/**
 * The tense of one meeting word, read near it: "who met in Tallinn last week" is past even in a
 * sentence that goes on "will press their allies next Thursday"; "meet" in the present is a plan.
 */
function tenseOf(context: ArticleContext, sentence: Sentence, at: number, word: string): boolean {
  if (PAST_TRIGGERS.test(word)) return false;
  const window = context.text.slice(Math.max(sentence.start, at - 40), at + word.length);
  if (FUTURE.test(window) || PRESENT_TRIGGERS.test(word)) return true;
  if (/(?<![\p{L}])(?:was|were|had been|took place|readout of|after|following)(?![\p{L}])/iu.test(window))
    return false;
  return FUTURE.test(sentence.text);
}

/** A headline (the first line, without a full stop) repeats the story; its meetings are the body's. */
function isHeadline(sentence: Sentence): boolean {
  return sentence.paragraph === 0 && !/[.!?]["”’]?$/u.test(sentence.text.trim());
}

export function extractMeetings(context: ArticleContext): MeetingDraft[] {
  const meetings: MeetingDraft[] = [];
  const byDate = new Map<string, MeetingDraft>();
  let previousDates: ResolvedDate[] = [];
  for (const sentence of context.factSentences) {
    if (isHeadline(sentence)) continue;
    const quoted = (at: number) => context.quotations.some((quote) => quote.start <= at && at < quote.end);
    const triggers: Trigger[] = [...sentence.text.matchAll(MEETING_ALL)]
      .filter((match) => !quoted(sentence.start + (match.index ?? 0)))
      .slice(0, MAX_MEETING_WORDS)
      .map((match) => {
        const at = sentence.start + (match.index ?? 0);
        const before = context.text.slice(Math.max(sentence.start, at - 30), at);
        return {
          at,
          word: match[0],
          future: tenseOf(context, sentence, at, match[0]),
          backReference: DEFINITE_BEFORE.test(before) && MEETING_NOUN.test(match[0]),
        };
      });
    // Each tense's reading of the sentence's dates, computed once.
    const readings = new Map<boolean, ResolvedDate[]>();
    const datesFor = (future: boolean) => {
      let dates = readings.get(future);
      if (!dates) {
        dates = findDates(sentence.text, sentence.start, context.anchor, future)
          .filter((found) => !isDateline(context.text, found))
          .slice(0, MAX_MEETING_WORDS);
        readings.set(future, dates);
      }
      return dates;
    };
    const sentenceDates = datesFor(false);
    if (triggers.length === 0) {
      previousDates = sentenceDates;
      continue;
    }
    const cancelled = CANCELLED.test(sentence.text);
    // Each date goes to the meeting word nearest it; a word with no date of its own is the same
    // meeting as the word before it in the sentence.
    const claimed = new Map<Trigger, ResolvedDate>();
    for (const trigger of triggers) {
      const dates = datesFor(trigger.future);
      // A date far from every meeting word dates something else ("states on Tuesday demanded …
      // before the next summit").
      const mine = dates.filter(
        (date) =>
          nearestTrigger(triggers, date) === trigger &&
          reach(trigger.at, date) <=
            (INDEFINITE_BEFORE.test(context.text.slice(Math.max(sentence.start, trigger.at - 40), trigger.at))
              ? 40
              : MAX_DATE_DISTANCE),
      );
      const date = nearestDate(mine, trigger.at);
      if (date) claimed.set(trigger, date);
    }
    // Words with a date of their own first; the rest join the meeting the sentence is about.
    const ordered = [...triggers].sort((a, b) => Number(claimed.has(b)) - Number(claimed.has(a)));
    const refersBack = triggers.some((trigger) => trigger.backReference) && meetings.length > 0;
    let current: MeetingDraft | undefined = refersBack && claimed.size === 0 ? meetings.at(-1) : undefined;
    for (const trigger of ordered) {
      let date = claimed.get(trigger);
      const roles = rolesIn(context, sentence, trigger.at);
      let status: MeetingDraft['status'] = trigger.future ? 'SCHEDULED' : 'HELD';
      if (cancelled) {
        // "postponed until November 24": still to come, on the new date; otherwise called off.
        const until = datesFor(true).find((found) =>
          POSTPONED_UNTIL.test(context.text.slice(sentence.start, found.start)),
        );
        if (until) {
          date = until;
          status = 'SCHEDULED';
        } else status = 'CANCELLED';
      }
      const existing =
        (trigger.backReference ? meetings.at(-1) : undefined) ??
        (date ? byDate.get(date.date) : undefined) ??
        (!date && current ? current : undefined);
      if (existing) {
        if (cancelled) existing.status = status;
        if (
          status === 'SCHEDULED' &&
          date &&
          existing.status === 'CANCELLED' &&
          date.date !== existing.date
        ) {
          existing.date = date.date;
          existing.dateResolution = date;
        }
        addTo(existing, sentence, roles);
        current = existing;
        continue;
      }
      if (!date && trigger.backReference) continue;
      // No date in the sentence: the one the sentence before gives, if any ("… next Thursday. The
      // proposal will be put to ministers at a meeting where …"); with none, only a meeting said
      // to have happened ("met", "held talks") is one, dated the day of publication.
      const borrowed = date ? undefined : nearestDate(previousDates, sentence.start);
      if (!date && !borrowed && !PAST_TRIGGERS.test(trigger.word)) continue;
      const same = borrowed ? byDate.get(borrowed.date) : undefined;
      if (same) {
        addTo(same, sentence, roles);
        current = same;
        continue;
      }
      const resolved = date ?? borrowed;
      const when = resolved?.date ?? context.anchor;
      if (!cancelled) status = trigger.future || when > context.anchor ? 'SCHEDULED' : 'HELD';
      const meeting: MeetingDraft = {
        date: when,
        dateResolution: resolved,
        status,
        convenedBy: [],
        chairs: [],
        participants: [],
        evidence: [],
        sentences: [],
        confidence: date ? 0.8 : borrowed ? 0.6 : 0.45,
        how: date
          ? `a meeting word ("${trigger.word}") and a date ("${date.text}")`
          : borrowed
            ? `a meeting word ("${trigger.word}") and the date of the sentence before ("${borrowed.text}")`
            : `a meeting word ("${trigger.word}") with no date: dated the publication day`,
      };
      addTo(meeting, sentence, roles);
      meetings.push(meeting);
      if (!byDate.has(meeting.date)) byDate.set(meeting.date, meeting);
      current = meeting;
    }
    previousDates = sentenceDates;
  }
  return meetings;
}

function nearestTrigger(triggers: Trigger[], date: ResolvedDate): Trigger {
  return [...triggers].sort((a, b) => reach(a.at, date) - reach(b.at, date))[0];
}

/**
 * How far a date is from a meeting word, a date after the word counting half as far as one before
 * it: English dates a meeting after naming it ("the state visit … from October 5 to 7").
 */
function reach(at: number, date: ResolvedDate): number {
  return date.start >= at ? date.start - at : (at - date.start) * 2;
}

/** A dateline ("Brussels [Belgium], April 11:") dates the report, not the meeting. */
function isDateline(text: string, date: ResolvedDate): boolean {
  // A dateline opens its line: "BRUSSELS, June 24 (Wire) –". Only the 80 characters before are read.
  const before = text.slice(Math.max(0, date.start - 80), date.start);
  const newline = before.lastIndexOf('\n');
  if (newline < 0 && date.start > 80) return false;
  const lineStart = date.start - before.length + newline + 1;
  const prefix = text.slice(lineStart, date.start);
  return (
    /^\s*(?:\p{Lu}[\p{L}\s.'’()[\]-]*,\s*)?$/u.test(prefix) &&
    !/^\s*on\s/iu.test(date.text) &&
    /^\s*(?:[:–—(]|-\s)/u.test(text.slice(date.end, date.end + 3))
  );
}

/** The date nearest the meeting word, one after it first ("met … on Thursday"). */
function nearestDate(dates: ResolvedDate[], at: number): ResolvedDate | undefined {
  return [...dates].sort((a, b) => reach(at, a) - reach(at, b))[0];
}

interface Roles {
  convenedBy: string[];
  chairs: string[];
  participants: string[];
  place?: string;
  count?: { value: number; approximate: boolean };
}

function rolesIn(context: ArticleContext, sentence: Sentence, triggerAt: number): Roles {
  const { text } = context;
  const mentions = within(context.table.sorted(), sentence.start, sentence.end);
  const venueSpans = within(placeSpans(context), sentence.start, sentence.end).filter(
    (entry) => entry.place.placeKind === 'VENUE',
  );
  const inVenue = (start: number) => venueSpans.some((entry) => entry.start <= start && start < entry.end);
  const roles: Roles = { convenedBy: [], chairs: [], participants: [] };
  const chair = CHAIR.exec(sentence.text);
  const chairAt = chair ? sentence.start + (chair.index ?? 0) : -1;
  for (const mention of mentions) {
    const possessive = /^['’]s/u.test(text.slice(mention.end, mention.end + 2));
    if (mention.kind === 'ORGANIZATION') {
      if (inVenue(mention.start)) continue;
      const before = text.slice(sentence.start, mention.start);
      if (
        /(?:meeting|summit|session|talks|gathering|conference)\s+of\s+(?:the\s+)?(?:\p{Ll}+\s+)?$/iu.test(
          before,
        ) ||
        mention.start < triggerAt
      ) {
        roles.convenedBy.push(mention.key);
      }
      if (mention.start < triggerAt && !possessive) roles.participants.push(mention.key);
      continue;
    }
    if (mention.kind === 'PLACE') continue;
    if (possessive) continue;
    const toChair = chair && mention.end <= chairAt ? text.slice(mention.end, chairAt) : undefined;
    if (
      toChair !== undefined &&
      !/[.;:]/u.test(toChair) &&
      toChair.split(/\s+/).filter(Boolean).length <= 6
    ) {
      roles.chairs.push(mention.key);
      continue;
    }
    if (CHAIRED_BY.test(text.slice(sentence.start, mention.start))) {
      roles.chairs.push(mention.key);
      continue;
    }
    if (
      mention.kind === 'OFFICIAL' &&
      (mention.start < triggerAt ||
        /(?:with|met|meet|counterparts?,?)\s+(?:\p{Lu}\p{L}*\s+){0,4}$/u.test(
          text.slice(sentence.start, mention.start),
        ))
    ) {
      roles.participants.push(mention.key);
    }
  }
  // Chairs named in a conjunction ("Britain and Germany are to chair").
  roles.place = placeIn(context, sentence);
  const count = COUNT.exec(sentence.text);
  if (count) {
    const value = /^\d+$/.test(count[2]) ? Number(count[2]) : NUMBER_WORDS[count[2].toLowerCase()];
    if (value && value > 1) roles.count = { value, approximate: Boolean(count[1]) };
  }
  return roles;
}

const placeSpansOf = new WeakMap<ArticleContext, { place: EntityDraft; start: number; end: number }[]>();

/** Every mention of a place (venues included), in text order; built once per article. */
function placeSpans(context: ArticleContext): { place: EntityDraft; start: number; end: number }[] {
  let spans = placeSpansOf.get(context);
  if (!spans) {
    spans = context.table
      .ofKind('PLACE')
      .flatMap((place) => place.mentions.map((span) => ({ place, start: span.start, end: span.end })))
      .sort((a, b) => a.start - b.start);
    placeSpansOf.set(context, spans);
  }
  return spans;
}

/** The place a sentence puts the meeting: a venue first, else a city after "in" or "at". */
function placeIn(context: ArticleContext, sentence: Sentence): string | undefined {
  const places = within(placeSpans(context), sentence.start, sentence.end)
    .map((entry) => ({ place: entry.place, span: entry as { start: number; end: number } | undefined }))
    .filter((entry) =>
      /(?:in|at|to)\s+(?:the\s+)?$/iu.test(
        context.text.slice(Math.max(sentence.start, entry.span!.start - 8), entry.span!.start),
      ),
    );
  const venue = places.find((entry) => entry.place.placeKind === 'VENUE');
  if (venue) {
    const city = places.find(
      (entry) => entry.place.placeKind === 'CITY' && entry.span!.start > venue.span!.end,
    );
    if (city && !venue.place.within) venue.place.within = city.place.key;
    return venue.place.key;
  }
  return places[0]?.place.key;
}

function addTo(meeting: MeetingDraft, sentence: Sentence, roles: Roles): void {
  const add = (list: string[], keys: string[]) => {
    for (const key of keys) if (!list.includes(key)) list.push(key);
  };
  add(meeting.convenedBy, roles.convenedBy);
  add(meeting.chairs, roles.chairs);
  add(
    meeting.participants,
    roles.participants.filter((key) => !meeting.chairs.includes(key)),
  );
  meeting.place ??= roles.place;
  if (roles.count && meeting.nationsRepresented === undefined) {
    meeting.nationsRepresented = roles.count.value;
    meeting.approximate = roles.count.approximate;
  }
  if (meeting.evidence.length < MAX_EVIDENCE_PER_FACT)
    meeting.evidence.push({ start: sentence.start, end: sentence.end });
  meeting.sentences.push(sentence);
}
