/**
 * A per-client share of the database. Every Cypher statement a request runs passes through its
 * client's gate: at most `concurrent` run at once per client (one API key, else one address), a
 * few more wait their turn, and past that the client is told to slow down (RATE_LIMITED) instead of
 * taking connections from the pool everyone shares. The rate limit counts requests per minute; this
 * counts what they hold at one moment, which is what a burst of slow requests exhausts.
 *
 * Counted per statement rather than per HTTP request, so a client that hangs up mid-request still
 * holds its share until its statements end, and one request whose batched loads run side by side
 * can't take more than the share either.
 */
import { ApiError, ErrorCode } from '../errors';

export interface ClientGateLimits {
  /** Statements one client may have running at once. */
  concurrent: number;
  /** Statements one client may have waiting for a turn; more are refused. */
  queued: number;
}

interface ClientState {
  running: number;
  waiting: (() => void)[];
}

export class ClientGate {
  private readonly clients = new Map<string, ClientState>();

  constructor(readonly limits: ClientGateLimits) {}

  /** Runs `work` within the client's share: now, after a wait, or not at all (RATE_LIMITED). */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const state = this.clients.get(client) ?? { running: 0, waiting: [] };
    this.clients.set(client, state);
    if (state.running >= this.limits.concurrent) {
      if (state.waiting.length >= this.limits.queued) {
        throw new ApiError(
          ErrorCode.RATE_LIMITED,
          `Too much at once: at most ${this.limits.concurrent} database operations run and ${this.limits.queued} wait per client; wait for your other requests to finish, then retry.`,
          { http: { status: 429 } },
        );
      }
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    } else {
      state.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or give it back.
      const next = state.waiting.shift();
      if (next) next();
      else {
        state.running -= 1;
        if (state.running === 0) this.clients.delete(client);
      }
    }
  }

  /** Statements running and waiting now, all clients together (for /metrics). */
  totals(): { running: number; waiting: number } {
    let running = 0;
    let waiting = 0;
    for (const state of this.clients.values()) {
      running += state.running;
      waiting += state.waiting.length;
    }
    return { running, waiting };
  }

  /** Statements running now for this client (for tests and metrics). */
  running(client: string): number {
    return this.clients.get(client)?.running ?? 0;
  }
}
