/**
 * Change-log cursors: a position in the log (a seq, the same on every instance), opaque to
 * clients. Unlike list cursors they need no sort key: the log has one order, and a position is
 * the same with any `kinds` filter.
 */
import { BadUserInputError } from '../../errors';

const PREFIX = 'change:';

export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url');
}

function invalidCursor(): BadUserInputError {
  return new BadUserInputError(
    '`after` is not a change-log cursor this API issued; pass an `endCursor` or edge `cursor` of `changes` (or `changesHead`) unchanged.',
    { argument: 'after' },
  );
}

/** The seq a cursor names; BAD_USER_INPUT when it is not one this API could have issued. */
export function decodeChangeCursor(cursor: string): number {
  if (cursor.length === 0 || cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^change:(0|[1-9][0-9]{0,14})$/.exec(text);
  // Re-encoding must give the cursor back: base64url has several spellings of some byte strings.
  if (!match || encodeChangeCursor(Number(match[1])) !== cursor) throw invalidCursor();
  return Number(match[1]);
}

/** A cursor past the log's head names a change that never happened: forged, or from another database. */
export function checkWithinLog(after: number, head: number): void {
  if (after > head) {
    throw new BadUserInputError(
      '`after` names a position the change log has not reached; pass a cursor `changes` returned.',
      { argument: 'after' },
    );
  }
}
