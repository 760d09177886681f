/** A fact's credibility on the Admiralty scale: 1 confirmed by other sources ... 6 cannot be judged. */
import { Label } from '../../graph/model';

export const BEST_CREDIBILITY = 1;
/** What an unassessed fact reads as. */
export const DEFAULT_CREDIBILITY = 6;

/** Labels of the facts an editor rates. */
export const ASSESSABLE_FACT_LABELS = [Label.Meeting, Label.Statement, Label.Position] as const;
export type AssessableFactLabel = (typeof ASSESSABLE_FACT_LABELS)[number];

export function isAssessableFactLabel(label: string | undefined): label is AssessableFactLabel {
  return (ASSESSABLE_FACT_LABELS as readonly string[]).includes(label ?? '');
}
