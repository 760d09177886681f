/**
 * Rejects strings no one means to send: unpaired UTF-16 surrogates and control characters (other
 * than tab and line breaks), in variables or in the query's own string literals. They can't be
 * stored faithfully and are a common sign of fuzzing or broken clients.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { BadUserInputError } from '../../errors';
import type { RequestContext } from '../context';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function problemIn(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate; send valid Unicode text';
  if (CONTROL.test(text)) return 'contains a control character; remove it (tabs and line breaks are fine)';
  return undefined;
}

/** Deeper than any input this API takes; deeper values are refused rather than walked. */
const MAX_NESTING = 64;

/** Walks the variables without recursion, so a hostile, deeply nested value can't exhaust the stack. */
function checkValue(root: unknown, where: string): void {
  const pending: { value: unknown; where: string; depth: number }[] = [{ value: root, where, depth: 0 }];
  while (pending.length > 0) {
    const { value, where: at, depth } = pending.pop()!;
    if (depth > MAX_NESTING) {
      throw new BadUserInputError(`${at} is nested more than ${MAX_NESTING} levels deep.`, {
        http: { status: 400 },
      });
    }
    if (typeof value === 'string') {
      const problem = problemIn(value);
      if (problem) throw new BadUserInputError(`${at} ${problem}.`, { http: { status: 400 } });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) =>
        pending.push({ value: item, where: `${at}[${index}]`, depth: depth + 1 }),
      );
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        pending.push({ value: inner, where: `${at}.${key}`, depth: depth + 1 });
    }
  }
}

/** Documents already checked: Apollo hands back the same parsed document for a repeated query. */
const checkedDocuments = new WeakSet<DocumentNode>();

function checkDocument(document: DocumentNode): void {
  if (checkedDocuments.has(document)) return;
  visit(document, {
    [Kind.STRING](node) {
      const problem = problemIn(node.value);
      if (problem)
        throw new BadUserInputError(`A string in the query ${problem}.`, { http: { status: 400 } });
    },
  });
  checkedDocuments.add(document);
}

export function inputSanityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkValue(request.variables ?? {}, 'Variable');
          checkDocument(document);
        },
      };
    },
  };
}
