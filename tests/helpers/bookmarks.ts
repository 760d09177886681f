/** Bookmarks as an attacker or a lagging database would present them, for tests of the bookmark paths. */

/**
 * A Neo4j bookmark naming a transaction the database hasn't reached: a real bookmark (PackStream: a
 * one-item list holding the 16-byte database id, the last transaction id and an empty list) with
 * the transaction id replaced by 2^31 - 1. A transaction that carries it waits for that transaction.
 */
export function futureBookmark(real: string): string {
  const bytes = Buffer.from(real.slice('FB:'.length), 'base64');
  const databaseId = bytes.subarray(0, 19); // 0x91, then BYTES_8 (0xcc) of length 16 (0x10)
  if (bytes[0] !== 0x91 || bytes[1] !== 0xcc || bytes[2] !== 0x10 || bytes.at(-1) !== 0x90)
    throw new Error(`unexpected bookmark layout: ${real}`);
  const transaction = Buffer.from([0xca, 0x7f, 0xff, 0xff, 0xff]); // INT_32 2147483647
  return `FB:${Buffer.concat([databaseId, transaction, Buffer.from([0x90])]).toString('base64')}`;
}
