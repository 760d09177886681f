/**
 * The one place errors are shaped for clients. Typed API errors pass through; GraphQL syntax and
 * validation errors become BAD_USER_INPUT; anything else is logged and masked. It never throws.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApiError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { ARMOR_REJECTION } from './plugins/armor';

// PERSISTED_QUERY_NOT_FOUND is among them as it is: APQ clients resend the query text on that code.
const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));
/** Apollo's own codes for faults in the request itself: the client must fix them. */
const REQUEST_FAULT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      const code = String(formatted.extensions?.code ?? '');
      if (original instanceof ApiError) {
        // `http` sets the response status (Apollo reads it before formatting); it isn't for clients.
        const { http: _http, ...extensions } = original.extensions;
        return {
          message: original.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { ...extensions, code: original.extensions.code },
        };
      }
      if (ARMOR_REJECTION.test(formatted.message)) {
        return {
          // graphql-js words its token limit "Document contains more that N tokens": say it plainly.
          message: formatted.message
            .replace(/^Syntax Error: /, '')
            .replace(
              /^Document contains more tha[nt] (\d+) tokens\. Parsing aborted\./,
              'Query token limit of $1 exceeded; shorten the query.',
            ),
          locations: formatted.locations,
          extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
        };
      }
      if (
        REQUEST_FAULT_CODES.has(code) ||
        (original instanceof GraphQLError && !original.originalError && code === '')
      ) {
        return {
          message: formatted.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code || undefined },
        };
      }
      if (CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        return {
          message: formatted.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code },
        };
      }
      logger.error(
        {
          err:
            original instanceof Error
              ? { message: original.message, stack: original.stack }
              : String(original),
          path: formatted.path,
        },
        'unexpected error',
      );
      return {
        message: 'Internal server error. It has been logged; retry, or report it with the request id.',
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    } catch {
      return { message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}
