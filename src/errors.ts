/**
 * The error codes clients see, and the typed errors that carry them. User faults say what to fix;
 * everything else reaches clients masked as INTERNAL_SERVER_ERROR (see server/format-error.ts).
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** HTTP 429: the client's request budget is spent for now. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The automatic-persisted-queries protocol's code: the hash is unknown, send the query text with it. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** Trusted documents are required and the key may not run operations outside the manifest. */
  OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED',
}

/** Base for every error whose message is written for the client. */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, extensions);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.NOT_FOUND, message, extensions);
  }
}

/** HTTP 401, as the middleware answers a bad key: Apollo takes the status from `extensions.http`. */
export class UnauthenticatedError extends ApiError {
  constructor(message = 'An API key is required: send it as "Authorization: Bearer <key>".') {
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }
}

/** HTTP 403 (through `extensions.http`, which never reaches the client). */
export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });
  }
}

/** HTTP 403: an operation outside the trusted-documents manifest, sent by a key without the ad-hoc grant. */
export class OperationNotTrustedError extends ApiError {
  constructor(message: string) {
    super(ErrorCode.OPERATION_NOT_TRUSTED, message, { http: { status: 403 } });
  }
}

export class QueryTooComplexError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, extensions);
  }
}

export class ServiceUnavailableError extends ApiError {
  constructor(message = 'The graph database is unavailable right now; retry in a few seconds.') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
