/**
 * The body the pages post to /graphql for a generated document: its manifest id and variables, not
 * its text, so the request is a trusted document even under TRUSTED_DOCUMENTS=required and stays
 * small. A document without an id (a bare fragment) goes as text.
 */
import type { TypedDocumentString } from './generated/graphql';

export function persistedRequestBody<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): string {
  const documentId = document.__meta__?.hash as string | undefined;
  return JSON.stringify(documentId ? { documentId, variables } : { query: document.toString(), variables });
}
