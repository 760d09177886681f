/**
 * Meetings: a sentence with a meeting verb or noun ("met", "will meet", "talks", "summit") and a
 * date, an organizer or named participants. Its status comes from the tense ("met" is HELD, "are
 * to chair" SCHEDULED, "postponed" CANCELLED), its date from dates.ts. A later sentence that
 * speaks of "the meeting" or "Thursday's gathering" adds to the meeting it means (participants,
 * the reported number of countries) instead of making another.
 */
import type { ArticleContext } from './article-context';
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
const MEETING = new RegExp(
  `(?<![\\p{L}])(?:${words([...MEETING_VERBS, ...MEETING_NOUNS])})(?![\\p{L}])`,
  'iu',
);
const FUTURE = new RegExp(`(?<![\\p{L}])(?:${words(FUTURE_CUES)})(?![\\p{L}])`, 'iu');
const CANCELLED = new RegExp(`(?<![\\p{L}])(?:${words(CANCELLED_CUES)})(?![\\p{L}])`, 'iu');
const BACK_REFERENCE = new RegExp(
  `(?<![\\p{L}])(?:the|this|that|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s)\\s+(?:${words(MEETING_NOUNS)})(?![\\p{L}])`,
  'iu',
);
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

export function extractMeetings(context: ArticleContext): MeetingDraft[] {
  const meetings: MeetingDraft[] = [];
  for (const sentence of context.sentences) {
    const trigger = MEETING.exec(sentence.text);
    if (!trigger) continue;
    const future = FUTURE.test(sentence.text);
    const cancelled = CANCELLED.test(sentence.text);
    const triggerAt = sentence.start + (trigger.index ?? 0);
    const date = nearestDate(
      findDates(sentence.text, sentence.start, context.anchor, future).filter(
        (found) => !isDateline(context.text, found),
      ),
      triggerAt,
    );
    const backReference = BACK_REFERENCE.test(sentence.text);
    const roles = rolesIn(context, sentence, triggerAt);
    // "the meeting" means one already reported, whatever other date the sentence gives ("The
    // meeting, originally planned for May 30, was postponed").
    const existing =
      (backReference ? meetings.at(-1) : undefined) ??
      (date ? meetings.find((meeting) => meeting.date === date.date) : undefined);
    if (existing) {
      addTo(context, existing, sentence, roles);
      continue;
    }
    // A new meeting needs a date or a named organizer or participants; "the meeting" alone with none before it is not one.
    const named = roles.convenedBy.length > 0 || roles.participants.length > 1 || roles.chairs.length > 0;
    if (!date && (!named || backReference)) continue;
    if (
      !date &&
      !/(?<![\p{L}])(?:met|meet|meets|meeting|summit|talks|convened|gathered)(?![\p{L}])/iu.test(
        sentence.text,
      )
    )
      continue;
    const resolved = date ?? undefined;
    const when = resolved?.date ?? context.anchor;
    const status: MeetingDraft['status'] = cancelled
      ? 'CANCELLED'
      : future || when > context.anchor
        ? 'SCHEDULED'
        : 'HELD';
    const meeting: MeetingDraft = {
      date: when,
      dateResolution: resolved,
      status,
      convenedBy: [],
      chairs: [],
      participants: [],
      evidence: [],
      sentences: [],
      confidence: resolved ? 0.8 : 0.45,
      how: resolved
        ? `a meeting word ("${trigger[0]}") and a date ("${resolved.text}")`
        : `a meeting word ("${trigger[0]}") with no date: dated the publication day`,
    };
    addTo(context, meeting, sentence, roles);
    meetings.push(meeting);
  }
  return meetings;
}

/** A dateline ("Brussels [Belgium], April 11:") dates the report, not the meeting. */
function isDateline(text: string, date: ResolvedDate): boolean {
  const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
  const prefix = text.slice(lineStart, date.start);
  return (
    /^\s*(?:\p{Lu}[\p{L}\s.'’()[\]-]*,\s*)?$/u.test(prefix) &&
    !/^\s*on\s/iu.test(date.text) &&
    /^\s*(?:[:–—]|-\s)/u.test(text.slice(date.end, date.end + 3))
  );
}

/** The date nearest the meeting word, one after it first ("met … on Thursday"). */
function nearestDate(dates: ResolvedDate[], at: number): ResolvedDate | undefined {
  return [...dates].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
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
  const mentions = context.table
    .sorted()
    .filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
  const venues = context.table.ofKind('PLACE').filter((place) => place.placeKind === 'VENUE');
  const inVenue = (start: number) =>
    venues.some((venue) => venue.mentions.some((span) => span.start <= start && start < span.end));
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

/** The place a sentence puts the meeting: a venue first, else a city after "in" or "at". */
function placeIn(context: ArticleContext, sentence: Sentence): string | undefined {
  const places = context.table
    .ofKind('PLACE')
    .map((place) => ({
      place,
      span: place.mentions.find((span) => span.start >= sentence.start && span.end <= sentence.end),
    }))
    .filter((entry) => entry.span !== undefined)
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

function addTo(context: ArticleContext, meeting: MeetingDraft, sentence: Sentence, roles: Roles): void {
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
  meeting.evidence.push({ start: sentence.start, end: sentence.end });
  meeting.sentences.push(sentence);
  void context;
}
