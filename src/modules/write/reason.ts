/** The written reason every audited change needs (a retraction, a merge, a grade): one rule for all. */
import { BadUserInputError } from '../../errors';

export const MAX_REASON_LENGTH = 2000;

/** The reason, trimmed; BAD_USER_INPUT naming `argument` when it is empty or too long. */
export function checkedReason(reason: string, argument = 'reason'): string {
  if (reason.trim().length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw new BadUserInputError(`\`${argument}\` must say why, in 1 to ${MAX_REASON_LENGTH} characters.`, {
      argument,
    });
  }
  return reason.trim();
}
