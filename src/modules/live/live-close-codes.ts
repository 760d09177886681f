/**
 * WebSocket close codes of the live endpoint, beyond graphql-ws's own (4400 bad message, 4403
 * forbidden, 4408 init timeout, 4409 duplicate id, 4429 repeated init, 4500 internal), whose meaning
 * is never reused. Listed in docs/live-updates.md; reasons stay under the 123-byte limit.
 */
export const LiveCloseCode = {
  /** REQUIRE_KEY_FOR_READS is on and the connection presented no key. */
  KeyRequired: 4001,
  /** The presented key matches no key. */
  KeyInvalid: 4002,
  /** More subscriptions than allowed on one connection, or for one key (or address) on this instance. */
  TooManySubscriptions: 4030,
  /** More connections than allowed for one key (or address) on this instance. */
  TooManyConnections: 4031,
  /** A subscriber left too many events unread; resubscribe with the last cursor. */
  TooSlow: 4032,
  /** A subscription's replay from its cursor could not be read (the database); resubscribe with it. */
  ReplayFailed: 4033,
} as const;
