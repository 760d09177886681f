/**
 * Which facts an editor rates for credibility; the scale itself (1 confirmed ... 6 cannot be
 * judged, the default) is owned by corroboration-criteria.ts, which the `maxCredibility` filter reads.
 */
import { Label } from '../../graph/model';

export { BEST_CREDIBILITY, DEFAULT_CREDIBILITY } from '../corroboration/corroboration-criteria';

/** Labels of the facts an editor rates. */
export const ASSESSABLE_FACT_LABELS = [Label.Meeting, Label.Statement, Label.Position] as const;
export type AssessableFactLabel = (typeof ASSESSABLE_FACT_LABELS)[number];

export function isAssessableFactLabel(label: string | undefined): label is AssessableFactLabel {
  return (ASSESSABLE_FACT_LABELS as readonly string[]).includes(label ?? '');
}
