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

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const long = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Every date the text gives, in order. `future` is the sentence's tense. */
export function findDates(text: string, offset: number, anchor: string, future: boolean): ResolvedDate[] {
  const anchorDate = utc(anchor);
  const found: ResolvedDate[] = [];
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
    const start = offset + (match.index ?? 0);
    found.push({
      date: iso(date),
      text: match[0],
      start,
      end: start + match[0].length,
      rule,
      relative: true,
    });
  }
  for (const result of chrono.parse(text, { instant: anchorDate, timezone: 0 }, { forwardDate: future })) {
    const start = offset + result.index;
    if (found.some((date) => date.start < start + result.text.length && start < date.end)) continue;
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
