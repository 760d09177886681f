/**
 * One timed window of load: autocannon at fixed concurrency, each request built afresh (other
 * parameters every time), every response's latency recorded in the caller's histogram, and a
 * response counted as an error when it is not a 200 or its body carries GraphQL `errors`: a
 * GraphQL server answers most failures with a 200.
 */
import autocannon from 'autocannon';
import type { Histogram } from './histogram';
import { recordMs } from './histogram';

export interface OneRequest {
  path: string;
  body: string;
  headers?: Record<string, string>;
}

export interface LoadWindow {
  /** Base URL of the server, e.g. http://127.0.0.1:4000 */
  url: string;
  next: () => OneRequest;
  connections: number;
  seconds: number;
  /** Where latencies go; none for warm-up. */
  histogram?: Histogram;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
}

/** `"errors":` at the top level of a JSON answer; GraphQL puts no such key inside `data`. */
function hasErrors(body: string): boolean {
  return body.startsWith('{"errors"') || body.includes(',"errors":');
}

export async function runLoad(window: LoadWindow): Promise<LoadResult> {
  let requests = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  // Without a callback autocannon returns its instance, an event emitter that is also a promise.
  const instance = autocannon({
    url: window.url,
    connections: window.connections,
    duration: window.seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const next = window.next();
          return {
            ...request,
            method: 'POST',
            path: next.path,
            body: next.body,
            headers: { 'content-type': 'application/json', ...next.headers },
          };
        },
        onResponse: (status, body) => {
          if (status !== 200 || hasErrors(body)) errors += 1;
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    requests += 1;
    if (window.histogram) recordMs(window.histogram, responseTime);
  });
  const result = await instance;
  return {
    requests,
    // Socket errors and timeouts (counted among them) never reach onResponse.
    errors: errors + result.errors,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
