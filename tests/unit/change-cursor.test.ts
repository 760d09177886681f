/** Change-log cursors: opaque positions that decode only when this API could have issued them. */
import {
  checkWithinLog,
  decodeChangeCursor,
  encodeChangeCursor,
} from '../../src/modules/change/change-cursor';
import { ErrorCode } from '../../src/errors';

const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function codeOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return 'no error';
}

describe('change-log cursors', () => {
  it('round-trip a position, the same on any instance', () => {
    for (const seq of [0, 1, 42, 1_000_000]) expect(decodeChangeCursor(encodeChangeCursor(seq))).toBe(seq);
    expect(encodeChangeCursor(7)).toBe(forged('change:7'));
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['empty', ''],
    ['not a number', forged('change:abc')],
    ['negative', forged('change:-1')],
    ['leading zero', forged('change:007')],
    ['another prefix', forged('meeting:7')],
    ['a list cursor', forged(JSON.stringify(['meetings', '2025-04-10', 'meeting:x']))],
    ['padded base64', `${forged('change:7')}=`],
    ['too long', 'A'.repeat(200)],
  ])('refuses %s: BAD_USER_INPUT', (_, cursor) => {
    expect(codeOf(() => decodeChangeCursor(cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a position past the head, accepts the head itself', () => {
    expect(codeOf(() => checkWithinLog(11, 10))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkWithinLog(10, 10))).toBe('no error');
  });
});
