/**
 * The change log's cursor, shared by the `changes` query and the subscriptions' `after` and
 * FactEvent.cursor, so a cursor from either works with the other: base64 of `change:<seq>`.
 */
import { BadUserInputError } from '../errors';

const PREFIX = 'change:';

export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64');
}

/** The seq a cursor stands for; BAD_USER_INPUT naming `argument` when it isn't a change-log cursor. */
export function decodeChangeCursor(cursor: string, argument = 'after'): number {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  const seq = /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(seq) || encodeChangeCursor(seq) !== cursor) {
    throw new BadUserInputError(
      `\`${argument}\` must be a cursor of the change log (a FactEvent's or a change's \`cursor\`; got "${cursor.slice(0, 40)}").`,
      { argument },
    );
  }
  return seq;
}
