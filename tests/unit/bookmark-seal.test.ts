/**
 * Sealed bookmarks (src/server/bookmark-seal.ts): a client gets back only what this API sealed,
 * any change to a seal or a seal from another secret is refused, and the header is bounded.
 */
import { BookmarkSeal, MAX_BOOKMARKS_PER_REQUEST } from '../../src/server/bookmark-seal';

const SECRET = 'synthetic-test-secret-of-at-least-32-chars';
const BOOKMARK = 'FB:kcwQx7example0bookmarkkQ0xnkA==';

describe('BookmarkSeal', () => {
  const seal = new BookmarkSeal(SECRET);

  it('opens what it sealed, and so does another instance with the same secret', () => {
    const sealed = seal.seal(BOOKMARK);
    expect(sealed).toMatch(/^dgb1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(seal.open(sealed)).toBe(BOOKMARK);
    expect(new BookmarkSeal(SECRET).open(sealed)).toBe(BOOKMARK);
  });

  it('refuses a seal made with another secret, or with a per-process random key', () => {
    expect(
      new BookmarkSeal('another-synthetic-secret-32-characters!').open(seal.seal(BOOKMARK)),
    ).toBeUndefined();
    expect(new BookmarkSeal().open(seal.seal(BOOKMARK))).toBeUndefined();
    expect(new BookmarkSeal().open(new BookmarkSeal().seal(BOOKMARK))).toBeUndefined();
  });

  it('refuses any tampering', () => {
    const sealed = seal.seal(BOOKMARK);
    const [prefix, body, mac] = sealed.split('.');
    const forgedBody = Buffer.from('FB:a-transaction-from-the-future', 'utf8').toString('base64url');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    for (const tampered of [
      `${prefix}.${forgedBody}.${mac}`,
      `${prefix}.${body}.${flip(mac)}`,
      `${prefix}.${flip(body)}.${mac}`,
      `${prefix}.${body}.${mac.slice(0, -2)}`,
      `dgb2.${body}.${mac}`,
      `${prefix}.${body}`,
      `${sealed}.extra`,
      BOOKMARK,
      '',
    ]) {
      expect(seal.open(tampered)).toBeUndefined();
    }
  });

  it('refuses a seal longer than any real bookmark needs', () => {
    const long = seal.seal('FB:' + 'x'.repeat(400));
    expect(long.length).toBeGreaterThan(512);
    expect(seal.open(long)).toBeUndefined();
    expect(seal.open(seal.seal('FB:' + 'x'.repeat(300)))).toBeDefined();
  });
});

describe('BookmarkSeal.openHeader', () => {
  const seal = new BookmarkSeal(SECRET);
  const sealedMany = (count: number) => Array.from({ length: count }, (_, i) => seal.seal(`FB:${i}`));

  it('takes no header as no bookmarks', () => {
    expect(seal.openHeader(undefined)).toEqual({ ok: true, bookmarks: undefined });
    expect(seal.openHeader('  ')).toEqual({ ok: true, bookmarks: undefined });
  });

  it('opens comma-separated seals, in one header or repeated headers', () => {
    const [a, b, c] = sealedMany(3);
    expect(seal.openHeader(` ${a} ,${b},, `)).toEqual({ ok: true, bookmarks: ['FB:0', 'FB:1'] });
    expect(seal.openHeader([`${a},${b}`, c])).toEqual({ ok: true, bookmarks: ['FB:0', 'FB:1', 'FB:2'] });
  });

  it(`takes at most ${MAX_BOOKMARKS_PER_REQUEST} bookmarks`, () => {
    expect(seal.openHeader(sealedMany(MAX_BOOKMARKS_PER_REQUEST).join(','))).toMatchObject({ ok: true });
    const refused = seal.openHeader(sealedMany(MAX_BOOKMARKS_PER_REQUEST + 1).join(','));
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining(
        `holds ${MAX_BOOKMARKS_PER_REQUEST + 1} bookmarks; send at most ${MAX_BOOKMARKS_PER_REQUEST}`,
      ),
    });
  });

  it('takes none when one of them was not issued here', () => {
    const [a, b] = sealedMany(2);
    const refused = seal.openHeader(`${a},FB:raw-bookmark,${b}`);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining('a bookmark this API did not issue'),
    });
  });
});
