/**
 * The time axis of `timeSeries`: the buckets that cover an inclusive range of UTC dates, and the
 * per-day counts the database returns summed into them. Pure, so the calendar rules (ISO weeks,
 * clipped first and last buckets, empty buckets) are pinned down by unit tests without a database.
 */

export type TimeIntervalName = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

/** The most buckets one series may have; more is BAD_USER_INPUT (a wider interval or a shorter range). */
export const MAX_TIME_BUCKETS = 1000;

/** The most groups one bucket lists: the largest ones (ties by key); `groupsLeftOut` counts the rest. */
export const MAX_GROUPS_PER_BUCKET = 20;

export interface GroupCountRow {
  key: string;
  label: string | null;
  count: number;
}

/** What the database returns for one day: distinct facts that day, and per group. */
export interface DayCount {
  /** YYYY-MM-DD */
  day: string;
  count: number;
  groups: readonly GroupCountRow[];
}

export interface TimeBucketRow {
  start: string;
  end: string;
  label: string;
  count: number;
  groups: GroupCountRow[];
  groupsLeftOut: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (setUTCFullYear, unlike Date.UTC, keeps years 0-99). */
export function epochDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function isoDate(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function yearMonth(day: number): { year: number; month: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

/** The Monday of the ISO week holding `day` (getUTCDay: 0 is Sunday). */
function mondayOf(day: number): number {
  return day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
}

/** Which period after the one holding `origin` holds `day` (0: the same one). */
function periodIndex(origin: number, day: number, interval: TimeIntervalName): number {
  switch (interval) {
    case 'DAY':
      return day - origin;
    case 'WEEK':
      return (mondayOf(day) - mondayOf(origin)) / 7;
    case 'MONTH': {
      const a = yearMonth(origin);
      const b = yearMonth(day);
      return (b.year - a.year) * 12 + (b.month - a.month);
    }
    case 'YEAR':
      return yearMonth(day).year - yearMonth(origin).year;
  }
}

/** The first day of the period holding `day`, and the first day of the next one. */
function periodOf(day: number, interval: TimeIntervalName): { first: number; next: number } {
  const { year, month } = yearMonth(day);
  const firstOf = (y: number, m: number) => epochDay(`${String(y).padStart(4, '0')}-${pad(m + 1)}-01`);
  switch (interval) {
    case 'DAY':
      return { first: day, next: day + 1 };
    case 'WEEK':
      return { first: mondayOf(day), next: mondayOf(day) + 7 };
    case 'MONTH':
      return {
        first: firstOf(year, month),
        next: month === 11 ? firstOf(year + 1, 0) : firstOf(year, month + 1),
      };
    case 'YEAR':
      return { first: firstOf(year, 0), next: firstOf(year + 1, 0) };
  }
}

/** A period's name: 2025-04-10, 2025-W15 (ISO week-numbering year), 2025-04, 2025. */
function periodLabel(first: number, interval: TimeIntervalName): string {
  const date = isoDate(first);
  switch (interval) {
    case 'DAY':
      return date;
    case 'WEEK': {
      // The ISO week belongs to the year of its Thursday, and week 1 holds that year's first Thursday.
      const thursday = first + 3;
      const year = yearMonth(thursday).year;
      const week = Math.floor((thursday - epochDay(`${String(year).padStart(4, '0')}-01-01`)) / 7) + 1;
      return `${String(year).padStart(4, '0')}-W${pad(week)}`;
    }
    case 'MONTH':
      return date.slice(0, 7);
    case 'YEAR':
      return date.slice(0, 4);
  }
}

/** How many buckets [from, to] has at this interval (both YYYY-MM-DD, from <= to). */
export function timeBucketCount(from: string, to: string, interval: TimeIntervalName): number {
  return periodIndex(epochDay(from), epochDay(to), interval) + 1;
}

/** The largest groups first (ties by key), at most `max`; and how many were left out. */
export function largestGroups(
  groups: Iterable<GroupCountRow>,
  max: number,
): { groups: GroupCountRow[]; left: number } {
  const sorted = [...groups].sort(
    (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { groups: sorted.slice(0, max), left: Math.max(0, sorted.length - max) };
}

/**
 * Every bucket of [from, to] in order, empty ones with count 0, each with its inclusive start and
 * end clipped to the range. A day's count goes to the bucket holding it (days outside the range
 * are ignored); a bucket's groups are its days' groups summed by key. A fact belongs to one day,
 * so summing days counts each fact once per bucket and once per group it has.
 * The caller checks the range first (from <= to, at most MAX_TIME_BUCKETS buckets).
 */
export function buildTimeBuckets(
  from: string,
  to: string,
  interval: TimeIntervalName,
  days: readonly DayCount[],
  maxGroups = MAX_GROUPS_PER_BUCKET,
): TimeBucketRow[] {
  const origin = epochDay(from);
  const last = epochDay(to);
  const buckets: { row: TimeBucketRow; groups: Map<string, GroupCountRow> }[] = [];
  for (
    let period = periodOf(origin, interval);
    period.first <= last;
    period = periodOf(period.next, interval)
  ) {
    buckets.push({
      row: {
        start: isoDate(Math.max(period.first, origin)),
        end: isoDate(Math.min(period.next - 1, last)),
        label: periodLabel(period.first, interval),
        count: 0,
        groups: [],
        groupsLeftOut: 0,
      },
      groups: new Map(),
    });
  }
  for (const day of days) {
    const value = epochDay(day.day);
    if (value < origin || value > last) continue;
    const bucket = buckets[periodIndex(origin, value, interval)];
    bucket.row.count += day.count;
    for (const group of day.groups) {
      const held = bucket.groups.get(group.key);
      if (held) held.count += group.count;
      else bucket.groups.set(group.key, { ...group });
    }
  }
  return buckets.map(({ row, groups }) => {
    const kept = largestGroups(groups.values(), maxGroups);
    return { ...row, groups: kept.groups, groupsLeftOut: kept.left };
  });
}
