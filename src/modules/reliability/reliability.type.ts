/**
 * The Admiralty grades of a publisher's reliability (docs/corroboration.md), A best, F the default
 * when nobody has graded it. Read by list filters (`minReliability`) and set by editors.
 */
import { registerEnumType } from 'type-graphql';

export enum Reliability {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
}

/** Best first: a grade is "at least as good" as another when it comes no later in this list. */
export const RELIABILITY_GRADES: readonly Reliability[] = Object.values(Reliability);

/** The grade of a publisher nobody has graded: reliability cannot be judged. */
export const DEFAULT_RELIABILITY = Reliability.F;

/** The grades at least as good as `grade` (A..grade), e.g. B gives [A, B]. */
export function gradesAtLeast(grade: Reliability): Reliability[] {
  return RELIABILITY_GRADES.slice(0, RELIABILITY_GRADES.indexOf(grade) + 1);
}

registerEnumType(Reliability, {
  name: 'Reliability',
  description:
    "A publisher's reliability on the Admiralty scale, A best; F (cannot be judged) for a publisher nobody has graded.",
  valuesConfig: {
    A: { description: 'Completely reliable.' },
    B: { description: 'Usually reliable.' },
    C: { description: 'Fairly reliable.' },
    D: { description: 'Not usually reliable.' },
    E: { description: 'Unreliable.' },
    F: { description: 'Reliability cannot be judged (the default).' },
  },
});
