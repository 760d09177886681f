/**
 * Bookmarks as the API hands them out: each Neo4j bookmark sealed with an HMAC, so the only
 * bookmarks a client can send back are ones this API issued. A raw bookmark naming a transaction
 * the database hasn't seen makes every read that carries it wait for that transaction while holding
 * a pooled connection; forged by the hundred, that took the database away from every client
 * (issue #12). A sealed bookmark names a transaction that committed, so waiting for it is brief.
 *
 * The seal is `dgb1.<bookmark, base64url>.<HMAC-SHA256 of it, base64url>`. Every API instance that
 * serves one database must share the secret (BOOKMARK_SECRET), or a bookmark from one instance is
 * refused by another; without it each process makes up its own.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'dgb1';
/** More bookmarks than a client has any use for: one per write it wants to read back. */
export const MAX_BOOKMARKS_PER_REQUEST = 16;
/** Neo4j's bookmarks are well under 200 characters; a sealed one is about a third longer. */
const MAX_SEALED_LENGTH = 512;

export type OpenedBookmarks = { ok: true; bookmarks: string[] | undefined } | { ok: false; message: string };

export class BookmarkSeal {
  private readonly key: Buffer;

  /** `secret` unset: a random key for this process only. */
  constructor(secret?: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  seal(bookmark: string): string {
    return `${PREFIX}.${Buffer.from(bookmark, 'utf8').toString('base64url')}.${this.mac(bookmark).toString('base64url')}`;
  }

  /** The bookmark inside a sealed one, or undefined when it isn't one this API issued. */
  open(sealed: string): string | undefined {
    if (sealed.length > MAX_SEALED_LENGTH) return undefined;
    const [prefix, body, mac, ...rest] = sealed.split('.');
    if (prefix !== PREFIX || !body || !mac || rest.length > 0) return undefined;
    const bookmark = Buffer.from(body, 'base64url').toString('utf8');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(bookmark);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return bookmark;
  }

  /** Reads a `Neo4j-Bookmarks` header: comma-separated sealed bookmarks, all valid or none taken. */
  openHeader(header: string | string[] | undefined): OpenedBookmarks {
    const value = Array.isArray(header) ? header.join(',') : header;
    if (value === undefined || value.trim() === '') return { ok: true, bookmarks: undefined };
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length > MAX_BOOKMARKS_PER_REQUEST) {
      return {
        ok: false,
        message: `The Neo4j-Bookmarks header holds ${parts.length} bookmarks; send at most ${MAX_BOOKMARKS_PER_REQUEST} (the latest write's are enough).`,
      };
    }
    const bookmarks: string[] = [];
    for (const part of parts) {
      const bookmark = this.open(part);
      if (bookmark === undefined) {
        return {
          ok: false,
          message:
            'The Neo4j-Bookmarks header holds a bookmark this API did not issue: send back only the `bookmarks` a mutation returned (extensions.bookmarks), unchanged.',
        };
      }
      bookmarks.push(bookmark);
    }
    return { ok: true, bookmarks };
  }

  private mac(bookmark: string): Buffer {
    return createHmac('sha256', this.key).update(bookmark, 'utf8').digest();
  }
}
