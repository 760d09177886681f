/**
 * When reports contradict each other (docs/corroboration.md, "Contradictions"), as pure functions
 * over plain values: when two figures, places, stances or offices agree, and how the values of one
 * subject fall into sides. The service applies them to what a bounded read returns.
 */
import { Stance } from '../position/position.type';

/** Reports this many days apart or fewer are about the same time (offices, stances). */
export const CONTRADICTION_WINDOW_DAYS = 30;

/** An approximate figure ("around 50") agrees with any number within this share of it. */
export const APPROXIMATE_TOLERANCE = 0.1;

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` date to another, either order. */
export function daysApart(a: string, b: string): number {
  return (
    Math.abs(Date.parse(`${a.slice(0, 10)}T00:00:00Z`) - Date.parse(`${b.slice(0, 10)}T00:00:00Z`)) / DAY_MS
  );
}

export interface ReportedFigure {
  number: number;
  approximate: boolean;
}

/** Equal numbers agree; an approximate one also agrees with any number within 10 % of it. */
export function figuresAgree(a: ReportedFigure, b: ReportedFigure): boolean {
  if (a.number === b.number) return true;
  const covers = (approximate: ReportedFigure, other: ReportedFigure) =>
    approximate.approximate &&
    Math.abs(other.number - approximate.number) <= APPROXIMATE_TOLERANCE * Math.abs(approximate.number);
  return covers(a, b) || covers(b, a);
}

/**
 * Two places agree when they are one, or one lies within the other (NATO headquarters and
 * Brussels). `enclosing` gives, per place id, every place it lies within, transitively.
 */
export function placesAgree(
  a: string,
  b: string,
  enclosing: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  return a === b || (enclosing.get(a)?.has(b) ?? false) || (enclosing.get(b)?.has(a) ?? false);
}

/** Stances that say yes against stances that say no; a pledge also contradicts hesitation. */
const OPPOSITE_STANCES: readonly (readonly [Stance, Stance])[] = [
  ...[Stance.SUPPORTS, Stance.STRESSES, Stance.PLEDGES].flatMap((yes) =>
    [Stance.OPPOSES, Stance.REFUSES].map((no) => [yes, no] as const),
  ),
  [Stance.PLEDGES, Stance.HESITANT],
];

/** The opposite pairs, each one way round: what a read may use to narrow its candidates. */
export function oppositeStancePairs(): [Stance, Stance][] {
  return OPPOSITE_STANCES.map(([a, b]) => [a, b]);
}

export function stancesOppose(a: Stance, b: Stance): boolean {
  return OPPOSITE_STANCES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/**
 * The items in groups whose members all agree with one another. Items are taken in the order
 * given (put the best-attested first) and each joins the first group it agrees with entirely, so
 * there are two or more groups exactly when some two items disagree.
 */
export function groupIntoSides<T>(items: readonly T[], agree: (a: T, b: T) => boolean): T[][] {
  const sides: T[][] = [];
  for (const item of items) {
    const side = sides.find((members) => members.every((member) => agree(member, item)));
    if (side) side.push(item);
    else sides.push([item]);
  }
  return sides;
}

/**
 * The items that conflict, in groups: two items are in one group when a chain of conflicting pairs
 * links them. Items that conflict with nothing are left out; groups keep the order given.
 */
export function conflictGroups<T>(items: readonly T[], conflict: (a: T, b: T) => boolean): T[][] {
  const group = items.map((_, index) => index);
  const find = (index: number): number => {
    while (group[index] !== index) index = group[index] = group[group[index]];
    return index;
  };
  const linked = new Set<number>();
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      if (!conflict(items[i], items[j])) continue;
      linked.add(i).add(j);
      const [a, b] = [find(i), find(j)];
      if (a !== b) group[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, index) => {
    if (!linked.has(index)) return;
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

/** A span of dates, inclusive; the days between two spans are 0 when they overlap. */
export interface DateSpan {
  from: string;
  until: string;
}

/** The span of a set of `YYYY-MM-DD` dates, or null for none. */
export function spanOf(dates: readonly (string | null | undefined)[]): DateSpan | null {
  const known = dates.filter((date): date is string => typeof date === 'string' && date.length >= 10);
  if (known.length === 0) return null;
  const sorted = known.map((date) => date.slice(0, 10)).sort();
  return { from: sorted[0], until: sorted[sorted.length - 1] };
}

export function daysBetweenSpans(a: DateSpan, b: DateSpan): number {
  if (a.until < b.from) return daysApart(a.until, b.from);
  if (b.until < a.from) return daysApart(b.until, a.from);
  return 0;
}
