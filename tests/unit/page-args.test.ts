/**
 * Cursors and page sizes (src/modules/common/page-args.ts): a cursor this API issued leads back to
 * its position, a cursor of another list or anything else is refused as BAD_USER_INPUT naming
 * `after`, and `first` stays within 1..MAX_PAGE_SIZE.
 */
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  pageSize,
  toPageRequest,
} from '../../src/modules/common/page-args';
import { thrownApiError } from './helpers/errors';

describe('cursors', () => {
  it.each([
    { key: '2025-04-10', id: 'meeting:2025-04-10-talks' },
    { key: '', id: 'nation:xyz' },
    { key: 'häkkänen, "quoted" \\ ] [', id: 'official:a-b' },
  ])('round-trips %j and is URL-safe', (position) => {
    const cursor = encodeCursor(position, 'meetings');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'meetings')).toEqual(position);
  });

  it("refuses another list's cursor, naming both lists", () => {
    const cursor = encodeCursor({ key: 'a', id: 'nation:xyz' }, 'nations');
    const error = thrownApiError(() => decodeCursor(cursor, 'Organization.members'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toContain('cursor of another list (nations)');
    expect(error.message).toContain('Organization.members');
  });

  const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['spaces', 'abc def'],
    ['not JSON', base64url('hello')],
    ['a JSON object', base64url('{"list":"nations","key":"a","id":"b"}')],
    ['two parts', base64url('["nations","a"]')],
    ['a number inside', base64url('["nations",1,"b"]')],
    ['too long', 'a'.repeat(1001)],
  ])('refuses garbage (%s) as BAD_USER_INPUT on `after`', (_case, cursor) => {
    const error = thrownApiError(() => decodeCursor(cursor, 'nations'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toBe(
      '`after` is not a cursor this API issued; pass an `endCursor` or edge `cursor` unchanged.',
    );
  });
});

describe('cursors of an ordered listing', () => {
  const ordering = (name: string) => ({ name, defaultName: 'DATE_ASC', names: ['DATE_ASC', 'DATE_DESC'] });
  const position = { key: '2025-04-10', id: 'meeting:a' };

  it('round-trips under its order, and the default order issues the cursors it always did', () => {
    const newest = encodeCursor(position, 'meetings', ordering('DATE_DESC'));
    expect(decodeCursor(newest, 'meetings', ordering('DATE_DESC'))).toEqual(position);
    const oldest = encodeCursor(position, 'meetings', ordering('DATE_ASC'));
    expect(oldest).toBe(encodeCursor(position, 'meetings'));
    expect(decodeCursor(oldest, 'meetings', ordering('DATE_ASC'))).toEqual(position);
  });

  it.each([
    ['DATE_DESC', 'DATE_ASC'],
    ['DATE_ASC', 'DATE_DESC'],
  ])('refuses a %s cursor under %s, saying how to go on', (issued, asked) => {
    const cursor = encodeCursor(position, 'meetings', ordering(issued));
    const error = thrownApiError(() => decodeCursor(cursor, 'meetings', ordering(asked)));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', ordering: issued });
    expect(error.message).toBe(
      `\`after\` is a cursor of ordering ${issued}, not ${asked}; restart without \`after\` or pass orderBy: ${issued}.`,
    );
  });

  it('refuses an order name the listing lacks, or any on an unordered list, as garbage', () => {
    const forged = encodeCursor(position, 'meetings', { name: 'NAME_DESC', defaultName: 'x', names: [] });
    for (const decode of [
      () => decodeCursor(forged, 'meetings', ordering('DATE_DESC')),
      () => decodeCursor(forged, 'meetings'),
    ]) {
      expect(thrownApiError(decode).message).toBe(
        '`after` is not a cursor this API issued; pass an `endCursor` or edge `cursor` unchanged.',
      );
    }
  });
});

describe('page size', () => {
  it('defaults when `first` is omitted and accepts the bounds', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 1.5, Number.NaN])('refuses first=%p naming the argument', (first) => {
    const error = thrownApiError(() => pageSize(first, 'limit'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
    expect(error.message).toContain(`\`limit\` must be between 1 and ${MAX_PAGE_SIZE}`);
  });

  it('turns arguments into a request: no cursor means from the start', () => {
    expect(toPageRequest({}, 'nations')).toEqual({ first: DEFAULT_PAGE_SIZE, after: undefined });
    const after = encodeCursor({ key: 'k', id: 'nation:xyz' }, 'nations');
    expect(toPageRequest({ first: 5, after }, 'nations')).toEqual({
      first: 5,
      after: { key: 'k', id: 'nation:xyz' },
    });
  });
});
