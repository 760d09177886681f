/**
 * Dates in a sentence, resolved against the publication date. A bare weekday is read with the
 * sentence's tense: "met on Thursday" is the last Thursday on or before publication, "will meet on
 * Friday" the next Friday on or after it. Calendar dates ("3 March", "March 3, 2025") and
 * "yesterday"/"today"/"tomorrow" are parsed by chrono-node. Each result records its rule, as the
 * document format's `dateResolution` asks.
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  date: string;
  /** The words as written ("on Thursday"). */
  text: string;
  start: number;
  end: number;
  /** How it was resolved, for `dateResolution.rule`. */
  rule: string;
  relative: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY =
  /(?<![\p{L}])((?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier on|[Ll]ater on)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?(?![\p{L}])/gu;

const COUNT_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};
const SPAN_FROM_PUBLICATION =
  /(?<![\p{L}])(?:(in)\s+)?(\d{1,2}|a|one|two|three|four|five|six|seven|ten)\s+(days?|weeks?)(?:['’]\s+time)?(?:\s+(ago))?(?![\p{L}])/giu;
const ORDINAL_DAY =
  /(?<![\p{L}])(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)(?![\p{L}])(?!\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|century))/giu;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_PERIOD =
  /(?<![\p{L}])(?:(?:(?:set|planned|scheduled|due|slated)\s+for|in|during|by|until)\s+(?:(?:the\s+)?(first|second)\s+half\s+of\s+|(early|mid|late)[\s-]+)?(January|February|March|April|June|July|August|September|October|November|December|May(?=[\s,.]))(?!\s+\d{1,2}(?!\d))(?:\s+(\d{4}))?|(earlier|later)\s+this\s+month|(?:in\s+)?the\s+(first|second)\s+half\s+of\s+(\d{4}))(?![\p{L}])/gu;

/** The first day of a period a text names only roughly, with the rule that says how rough. */
function periodOf(
  match: RegExpMatchArray,
  anchor: Date,
  future: boolean,
): { first: Date; rule: string } | null {
  const year = anchor.getUTCFullYear();
  if (match[5]) {
    const first = new Date(
      Date.UTC(year, anchor.getUTCMonth(), match[5] === 'earlier' ? 1 : anchor.getUTCDate()),
    );
    return {
      first,
      rule: `"${match[0]}": only the month is known (${MONTHS[anchor.getUTCMonth()]} ${year}); dated ${match[5] === 'earlier' ? 'its first day' : 'the publication day'}`,
    };
  }
  if (match[6]) {
    const month = match[6] === 'first' ? 0 : 6;
    return {
      first: new Date(Date.UTC(Number(match[7]), month, 1)),
      rule: `"${match[0]}": only the half-year is known; dated its first day`,
    };
  }
  const monthIndex = MONTHS.indexOf(match[3].toLowerCase());
  if (monthIndex < 0) return null;
  // "set for May" is a plan, ahead of publication whatever the sentence's tense.
  future ||= /^(?:set|planned|scheduled|due|slated)\b/iu.test(match[0]);
  let y = match[4] ? Number(match[4]) : year;
  if (!match[4] && future && monthIndex < anchor.getUTCMonth()) y += 1;
  if (!match[4] && !future && monthIndex > anchor.getUTCMonth()) y -= 1;
  const day = match[1] === 'second' ? 16 : match[2] === 'mid' ? 10 : match[2] === 'late' ? 20 : 1;
  return {
    first: new Date(Date.UTC(y, monthIndex, day)),
    rule: `"${match[0]}": only part of the month is known (${match[3]} ${y}); dated ${day === 1 ? 'its first day' : `the ${day}th`}`,
  };
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const longDates = new Map<number, string>();
/** "Friday, 11 April 2025" (formatting is slow; each day is formatted once). */
const long = (date: Date) => {
  let formatted = longDates.get(date.getTime());
  if (!formatted) {
    formatted = date.toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    if (longDates.size < 10_000) longDates.set(date.getTime(), formatted);
  }
  return formatted;
};

/** Every date the text gives, in order. `future` is the sentence's tense. */
export function findDates(text: string, offset: number, anchor: string, future: boolean): ResolvedDate[] {
  const anchorDate = utc(anchor);
  const found: ResolvedDate[] = [];
  /** Whether a span overlaps a date already found (an earlier, more specific reading wins). */
  const overlaps = (start: number, end: number) => found.some((date) => date.start < end && start < date.end);
  /** A date read relative to publication from a match of one of the patterns below. */
  const add = (match: RegExpMatchArray, date: Date, rule: string) => {
    const start = offset + (match.index ?? 0);
    found.push({
      date: iso(date),
      text: match[0],
      start,
      end: start + match[0].length,
      rule,
      relative: true,
    });
  };
  for (const match of text.matchAll(WEEKDAY)) {
    const day = WEEKDAYS.indexOf(match[2].toLowerCase());
    // "set for Friday", "planned for Friday": a plan looks ahead whatever the sentence's tense.
    const planned = /(?:set|planned|scheduled|due|slated|pencilled|penciled)\s+(?:for|on)\s+$/iu.test(
      text.slice(Math.max(0, (match.index ?? 0) - 20), match.index ?? 0),
    );
    const aheadOfPublication = future || planned;
    const lead = (match[1] ?? '').trim().toLowerCase();
    const anchorDay = anchorDate.getUTCDay();
    let delta: number;
    let rule: string;
    if (lead === 'last' || (!aheadOfPublication && lead !== 'next')) {
      delta = -((anchorDay - day + 7) % 7);
      if (lead === 'last' && delta === 0) delta = -7;
      rule =
        delta === 0
          ? `the publication date itself, a ${match[2]}`
          : `the last ${match[2]} before the publication date (${long(anchorDate)})`;
    } else {
      delta = (day - anchorDay + 7) % 7;
      // "next Thursday" is the Thursday of next week (weeks start on Monday), as British and
      // American wire copy mostly mean it; a bare "on Thursday" is the first one ahead.
      if (lead === 'next') {
        const monday = (d: number) => (d + 6) % 7;
        delta = 7 - monday(anchorDay) + monday(day);
      }
      rule =
        delta === 0
          ? `the publication date itself, a ${match[2]} (the text speaks of the future)`
          : lead === 'next'
            ? `the ${match[2]} of the week after the publication date (${long(anchorDate)})`
            : `the next ${match[2]} after the publication date (${long(anchorDate)})`;
    }
    const date = new Date(anchorDate.getTime() + delta * 86_400_000);
    add(match, date, rule);
  }
  // "in two weeks", "three days ago": counted from the publication date.
  for (const match of text.matchAll(SPAN_FROM_PUBLICATION)) {
    const count = /^\d+$/.test(match[2]) ? Number(match[2]) : (COUNT_WORDS[match[2].toLowerCase()] ?? 0);
    if (!count || (!match[1] && !match[4])) continue;
    const days = count * (match[3].toLowerCase().startsWith('week') ? 7 : 1) * (match[1] ? 1 : -1);
    const date = new Date(anchorDate.getTime() + days * 86_400_000);
    add(match, date, `"${match[0]}" counted from the publication date (${long(anchorDate)})`);
  }
  // "on the 14th": a day of the publication month, or of the month before or after by tense.
  for (const match of text.matchAll(ORDINAL_DAY)) {
    const day = Number(match[1]);
    const anchorDay = anchorDate.getUTCDate();
    let month = anchorDate.getUTCMonth();
    if (!future && day > anchorDay) month -= 1;
    if (future && day < anchorDay) month += 1;
    const date = new Date(Date.UTC(anchorDate.getUTCFullYear(), month, day));
    if (date.getUTCDate() !== day) continue;
    add(
      match,
      date,
      `day ${day} of the month ${future ? 'on or after' : 'on or before'} the publication date (${long(anchorDate)})`,
    );
  }
  // "set for May", "in the second half of March", "earlier this month": only the period is known;
  // dated its first day, and the rule says so.
  for (const match of text.matchAll(MONTH_PERIOD)) {
    const start = offset + (match.index ?? 0);
    if (overlaps(start, start + match[0].length)) continue;
    const period = periodOf(match, anchorDate, future);
    if (period) add(match, period.first, period.rule);
  }
  for (const result of chrono.parse(text, { instant: anchorDate, timezone: 0 }, { forwardDate: future })) {
    const start = offset + result.index;
    if (overlaps(start, start + result.text.length)) continue;
    const relative = /\b(?:yesterday|today|tomorrow|tonight)\b/i.test(result.text);
    if (!relative && !(result.start.isCertain('day') && result.start.isCertain('month'))) continue;
    if (/^\d+$/.test(result.text.trim()) || /^(?:now|right now|currently)$/iu.test(result.text.trim()))
      continue;
    const date = result.start.date();
    const value = iso(new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())));
    const rule = relative
      ? `"${result.text}" counted from the publication date (${long(anchorDate)})`
      : result.start.isCertain('year')
        ? 'a calendar date'
        : `a calendar date in the year that puts it nearest the publication date (${anchor.slice(0, 4)})`;
    found.push({ date: value, text: result.text, start, end: start + result.text.length, rule, relative });
  }
  return found.sort((a, b) => a.start - b.start);
}
