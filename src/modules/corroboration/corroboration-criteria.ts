/**
 * Checks the corroboration filters and turns them into criteria for the listing builders: a bad
 * value is BAD_USER_INPUT naming the argument, before any Cypher runs; a value that keeps
 * everything (F, credibility 6) becomes no criterion at all.
 */
import { BadUserInputError } from '../../errors';
import { gradesAtLeast, Reliability, RELIABILITY_GRADES } from '../reliability/reliability.type';

/** Credibility of a fact on the Admiralty scale: 1 confirmed ... 6 truth cannot be judged (the default). */
export const BEST_CREDIBILITY = 1;
export const DEFAULT_CREDIBILITY = 6;

export interface CorroborationCriteria {
  minSources: number | null;
  /** Publisher grades that pass `minReliability`, or null for no condition. */
  grades: Reliability[] | null;
  maxCredibility: number | null;
}

export const NO_CORROBORATION_CRITERIA: CorroborationCriteria = {
  minSources: null,
  grades: null,
  maxCredibility: null,
};

export function corroborationCriteria(
  filter:
    | { minSources?: number | null; minReliability?: Reliability | null; maxCredibility?: number | null }
    | null
    | undefined,
): CorroborationCriteria {
  const minSources = filter?.minSources ?? null;
  if (minSources !== null && (!Number.isInteger(minSources) || minSources < 1)) {
    throw new BadUserInputError(
      `\`filter.minSources\` must be 1 or more (got ${minSources}): it is the fewest sources that must state an item; leave it out to list everything.`,
      { argument: 'filter.minSources' },
    );
  }
  const minReliability = filter?.minReliability ?? null;
  if (minReliability !== null && !RELIABILITY_GRADES.includes(minReliability)) {
    throw new BadUserInputError(
      `\`filter.minReliability\` must be one of ${RELIABILITY_GRADES.join(', ')}.`,
      {
        argument: 'filter.minReliability',
      },
    );
  }
  const maxCredibility = filter?.maxCredibility ?? null;
  if (
    maxCredibility !== null &&
    (!Number.isInteger(maxCredibility) ||
      maxCredibility < BEST_CREDIBILITY ||
      maxCredibility > DEFAULT_CREDIBILITY)
  ) {
    throw new BadUserInputError(
      `\`filter.maxCredibility\` must be between ${BEST_CREDIBILITY} (confirmed by other sources) and ${DEFAULT_CREDIBILITY} (truth cannot be judged) (got ${maxCredibility}).`,
      { argument: 'filter.maxCredibility' },
    );
  }
  return {
    minSources,
    grades:
      minReliability === null || minReliability === Reliability.F ? null : gradesAtLeast(minReliability),
    maxCredibility: maxCredibility === DEFAULT_CREDIBILITY ? null : maxCredibility,
  };
}
