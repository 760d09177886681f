/**
 * Resolves the API key of a request before GraphQL runs: a key that matches nobody is refused
 * (401, UNAUTHENTICATED) whatever the operation, and with REQUIRE_KEY_FOR_READS every request needs
 * one. Keys are never logged: only the key's name travels on.
 */
import type { NextFunction, Request, Response } from 'express';
import { findKey, grantsAdHoc, type ApiKeyEntry } from '../auth/api-keys';
import { ErrorCode } from '../errors';
import type { Principal } from './context';

export function presentedKey(req: Request): string | undefined {
  const authorization = req.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization))
    return authorization.replace(/^Bearer\s+/i, '').trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}

export function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function apiKeyMiddleware(entries: readonly ApiKeyEntry[], requireKeyForReads: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = presentedKey(req);
    if (key === undefined || key === '') {
      if (requireKeyForReads) {
        sendGraphQLError(
          res,
          401,
          ErrorCode.UNAUTHENTICATED,
          'An API key is required: send it as "Authorization: Bearer <key>".',
        );
        return;
      }
      next();
      return;
    }
    const entry = findKey(entries, key);
    if (!entry) {
      sendGraphQLError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        'The API key is not valid: check it, or ask an admin for a new one.',
      );
      return;
    }
    (req as Request & { principal?: Principal }).principal = {
      keyId: entry.name,
      role: entry.role,
      adHoc: grantsAdHoc(entry.role, entry.adHoc),
    };
    next();
  };
}
