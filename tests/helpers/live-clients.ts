/**
 * WebSocket clients for the live endpoint: graphql-ws's own client for subscriptions, and a raw `ws`
 * socket speaking graphql-transport-ws by hand for what a well-behaved client never sends.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveSubscription<T> {
  events: T[];
  errors: unknown[];
  /** Resolves when `count` events have arrived, rejects after `ms`. */
  waitFor(count: number, ms?: number): Promise<T[]>;
  /** The socket's close, once it closes. */
  closed: Promise<Closed>;
  client: Client;
  dispose(): Promise<void>;
}

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** Subscribes with graphql-ws's client; `key` goes in connectionParams as a Bearer token. */
export function liveSubscribe<T = Record<string, unknown>>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): LiveSubscription<T> {
  let markClosed!: (closed: Closed) => void;
  const closed = new Promise<Closed>((resolve) => (markClosed = resolve));
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        markClosed({ code, reason: String(reason) });
      },
    },
  });
  const events: T[] = [];
  const errors: unknown[] = [];
  let changed = () => {};
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data as T);
        changed();
      },
      error: (error) => {
        errors.push(error);
        changed();
      },
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    closed,
    client,
    waitFor(count, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} events within ${ms} ms, got ${events.length}: ${JSON.stringify(events)} errors ${JSON.stringify(errors)}`,
              ),
            ),
          ms,
        );
        changed = () => {
          if (events.length >= count || errors.length > 0) {
            clearTimeout(timer);
            if (errors.length > 0) reject(new Error(`subscription errors: ${JSON.stringify(errors)}`));
            else resolve(events.slice());
          }
        };
        changed();
      });
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** A raw socket with the graphql-transport-ws subprotocol, open. */
export async function rawSocket(httpUrl: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl(httpUrl), 'graphql-transport-ws', { headers });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

export function closeOf(socket: WebSocket): Promise<Closed> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve({ code: -1, reason: 'already closed' });
  return new Promise((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

/** The next message of `type` (JSON), rejecting if the socket closes first. */
export function nextMessage(socket: WebSocket, type: string, ms = 5000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} message within ${ms} ms`)), ms);
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.type !== type) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`closed (${code}) before a ${type} message`));
    });
  });
}

/** Opens a raw socket and completes connection_init with `key` (if any); resolves once acknowledged. */
export async function initialisedSocket(httpUrl: string, key?: string): Promise<WebSocket> {
  const socket = await rawSocket(httpUrl);
  const ack = nextMessage(socket, 'connection_ack');
  socket.send(
    JSON.stringify({ type: 'connection_init', payload: key ? { authorization: `Bearer ${key}` } : {} }),
  );
  await ack;
  return socket;
}
