/**
 * Trusted documents and persisted operations over HTTP. Before Apollo reads a request, an id the
 * manifest knows becomes its text: `documentId` (body or GET parameter) or an APQ
 * `extensions.persistedQuery.sha256Hash` sent without a query. Once the operation is resolved,
 * TrustedDocuments.refusal applies TRUSTED_DOCUMENTS=required; refusing there, before execution,
 * also keeps an untrusted APQ registration out of the cache (Apollo stores it only afterwards).
 */
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { RequestContext } from '../context';
import type { TrustedDocuments } from '../trusted-documents';

/**
 * Not a sha256 hex, so never in the APQ cache: a `documentId` the manifest lacks is handed to
 * Apollo's APQ lookup as this, and is answered PERSISTED_QUERY_NOT_FOUND by the protocol's own path.
 */
const UNKNOWN_DOCUMENT_ID = 'unknown-document-id';

function documentIdOf(request: GraphQLRequest): string | undefined {
  const body = request.http?.body as { documentId?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.documentId === 'string') return body.documentId;
  if (request.http?.method === 'GET')
    return new URLSearchParams(request.http.search).get('documentId') ?? undefined;
  return undefined;
}

function resolvePersistedDocument(trusted: TrustedDocuments, request: GraphQLRequest): void {
  if (request.query !== undefined) return;
  const documentId = documentIdOf(request);
  if (documentId !== undefined) {
    const text = trusted.text(documentId);
    if (text !== undefined) request.query = text;
    else
      request.extensions = {
        ...request.extensions,
        persistedQuery: { version: 1, sha256Hash: UNKNOWN_DOCUMENT_ID },
      };
    return;
  }
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const text = typeof persisted?.sha256Hash === 'string' ? trusted.text(persisted.sha256Hash) : undefined;
  if (text !== undefined) {
    // A manifest hash needs no APQ round: run its text, and leave the APQ cache to ad-hoc documents.
    const { persistedQuery: _persistedQuery, ...extensions } = request.extensions!;
    request.query = text;
    request.extensions = extensions;
  }
}

export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      resolvePersistedDocument(trusted, request);
      return {
        async didResolveOperation({ contextValue, source, queryHash, document }) {
          const refusal = trusted.refusal(contextValue.principal, source, document, queryHash);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
