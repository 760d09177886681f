/** Structured JSON logs (pino). Secrets are redacted at the source so no transport can leak them. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'diplomacy-graph-api' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'apiKey', '*.apiKey', 'password'],
      censor: '[redacted]',
    },
  });
}
