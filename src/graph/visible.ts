/**
 * The retraction rule, owned here: retracted facts stay in the graph for the audit trail but are
 * left out of every normal read. Every read statement asks this function rather than restating it.
 */
export function visible(variable: string): string {
  return `${variable}.retractedAt IS NULL`;
}
