/** What a subscription's resolvers receive beyond a request's context: the instance's tailer and the connection. */
import type { RequestContext } from '../../server/context';
import type { ChangeTailer } from './change-tailer';

export interface LiveConnection {
  tailer: ChangeTailer;
  /** Closes this subscription's WebSocket (e.g. a subscriber that reads too slowly). */
  close(code: number, reason: string): void;
  /** A fresh reader for the next event: one event's loads are never served from another's cache. */
  renew(): void;
}

export type LiveContext = RequestContext & { live?: LiveConnection };
