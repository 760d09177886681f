/**
 * Structured JSON logs (pino). Secrets are redacted at the source so no transport can leak them.
 * Every line written while a request runs carries its `requestId` (see request-scope.ts), whichever
 * logger writes it.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-scope';

export type { Logger };

/** `destination`: where lines go (default stdout); tests pass a stream to read them back. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'diplomacy-graph-api' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'apiKey', '*.apiKey', 'password'],
        censor: '[redacted]',
      },
      // Called only for lines that are written (not below the level), so idle requests cost nothing.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    destination,
  );
}
