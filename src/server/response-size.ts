/**
 * The response-size ceiling: the JSON of one answer is at most MAX_RESPONSE_KB. The cost limit
 * (plugins/cost-limit.plugin.ts) bounds how many values a query asks for before it runs; this bounds
 * their bytes, which the cost can only estimate (a source's text, a long quote). An answer over it
 * is replaced by a QUERY_TOO_COMPLEX error that says how to ask for less, so no accepted query can
 * send more than the ceiling. It is Apollo's serializer, so each answer is serialized once, as
 * compact JSON (Apollo's default indents it, which costs bytes and time on large answers).
 */
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

export function boundedJsonStringify(maxBytes: number, logger: Logger) {
  return (result: FormattedExecutionResult): string => {
    const text = JSON.stringify(result);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: most answers need no byte count at all.
    if (text.length * 3 <= maxBytes) return text;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= maxBytes) return text;
    logger.warn({ bytes, maxBytes }, 'answer over the response-size ceiling replaced by an error');
    return JSON.stringify({
      errors: [
        {
          message: `The answer would be ${Math.ceil(bytes / 1024)} KB, over the limit of ${maxBytes / 1024} KB: ask for fewer items (a smaller \`first\`) or fewer large fields (such as a source's \`text\`), and page with \`after\`.`,
          extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, responseBytes: bytes, maxResponseBytes: maxBytes },
        },
      ],
    });
  };
}
