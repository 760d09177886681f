/**
 * The request a piece of code runs for, carried by AsyncLocalStorage: the logger stamps every line
 * with its id, so code deep in graph/ (slow statements, retries, driver errors) logs it without a
 * logger threaded through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  requestId: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts, sync or async) as part of the request `requestId`. */
export function runInRequestScope<T>(requestId: string, work: () => T): T {
  return scopes.run({ requestId }, work);
}

/** The id of the request the caller runs for; undefined outside any request (startup, scripts). */
export function currentRequestId(): string | undefined {
  return scopes.getStore()?.requestId;
}

/**
 * A client's own `x-request-id` is kept when it is a plausible id (1-100 letters, digits, `.`, `_`,
 * `-`), so it can follow a request from its proxy into our logs; anything else (too long, spaces,
 * control characters that could forge log lines) is replaced by a fresh UUID.
 */
export function requestIdFrom(incoming: unknown): string {
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}
