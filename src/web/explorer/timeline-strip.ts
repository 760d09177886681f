/**
 * The timeline strip: a selected actor's meetings per month as a small SVG bar chart. Each bar is
 * focusable and names its month and count (title and aria-label), so the strip reads the same with
 * a mouse, a keyboard or a screen reader.
 */
import type { Entity } from './graph-data';

export interface MonthBucket {
  start: string;
  end: string;
  count: number;
}

export interface MonthSpan {
  from: string;
  to: string;
}

/** At least a year, so one busy month has months around it to compare with; at most ten. */
const MIN_MONTHS = 12;
const MAX_MONTHS = 120;
const FALLBACK_MONTHS = 24;

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 64;

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function firstDay(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function lastDay(index: number): string {
  // Day 0 of the next month is the last day of this one.
  const date = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0));
  return date.toISOString().slice(0, 10);
}

/**
 * The months the strip covers: from the first to the last date known of the actor (its first and
 * last report, the dates of its meetings loaded with it), widened to a year and cut to the last ten
 * years; the last 24 months when nothing is dated.
 */
export function timelineSpan(actor: Entity, today: Date = new Date()): MonthSpan {
  const meetings = (actor.meetings as { nodes?: { meetingDate?: string }[] } | undefined)?.nodes ?? [];
  const dates = [actor.firstReported, actor.lastReported, ...meetings.map((m) => m.meetingDate)].filter(
    (date): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date),
  );
  const todayIndex = monthIndex(today.toISOString());
  const last = dates.length > 0 ? Math.max(...dates.map(monthIndex)) : todayIndex;
  const earliest = dates.length > 0 ? Math.min(...dates.map(monthIndex)) : last - FALLBACK_MONTHS + 1;
  const first = Math.max(Math.min(earliest, last - MIN_MONTHS + 1), last - MAX_MONTHS + 1);
  return { from: firstDay(first), to: lastDay(last) };
}

const MONTH_NAMES = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function describe(bucket: MonthBucket): string {
  const month = MONTH_NAMES.format(new Date(`${bucket.start}T00:00:00Z`));
  return `${month}: ${bucket.count} meeting${bucket.count === 1 ? '' : 's'}`;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Draws the bars into `container` (replacing what was there); `readout` echoes the bar in focus. */
export function renderTimelineStrip(
  container: HTMLElement,
  readout: HTMLElement,
  buckets: MonthBucket[],
  total: number,
): void {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const slot = WIDTH / Math.max(1, buckets.length);
  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: '100%',
    height: HEIGHT,
    role: 'group',
    'aria-label': `Meetings per month, ${total} in all`,
  });
  buckets.forEach((bucket, index) => {
    // An empty month keeps a sliver, so it can still be hovered and focused.
    const height = Math.max(2, (bucket.count / max) * (HEIGHT - 4));
    const bar = svgElement('rect', {
      x: index * slot + 1,
      y: HEIGHT - height,
      width: Math.max(1, slot - 2),
      height,
      tabindex: 0,
      role: 'img',
      'aria-label': describe(bucket),
      class: bucket.count > 0 ? 'bar' : 'bar empty',
      'data-start': bucket.start,
      'data-count': bucket.count,
    });
    const title = svgElement('title', {});
    title.textContent = describe(bucket);
    bar.append(title);
    const show = () => (readout.textContent = describe(bucket));
    bar.addEventListener('mouseenter', show);
    bar.addEventListener('focus', show);
    svg.append(bar);
  });
  container.replaceChildren(svg);
  const first = buckets[0]?.start.slice(0, 7);
  const last = buckets[buckets.length - 1]?.start.slice(0, 7);
  readout.textContent = `${total} meeting${total === 1 ? '' : 's'}${first ? `, ${first} to ${last}` : ''}`;
}
