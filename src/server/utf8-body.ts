/**
 * Refuses request bodies that are not valid UTF-8. The JSON parser would decode bad bytes to U+FFFD
 * and the API would store that replacement character as if the client had sent it.
 */
import { isUtf8 } from 'node:buffer';

/** body-parser error `type` of a refused body, for the HTTP error handler. */
export const INVALID_UTF8 = 'entity.encoding.invalid';

/** A `verify` hook for express.json: runs on the raw bytes, before they are decoded. */
export function rejectInvalidUtf8(_req: unknown, _res: unknown, body: Buffer, encoding: string): void {
  // Other Unicode charsets (utf-16) are decoded by body-parser itself; GraphQL clients send UTF-8.
  if (encoding !== 'utf-8' || isUtf8(body)) return;
  throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, type: INVALID_UTF8 });
}
