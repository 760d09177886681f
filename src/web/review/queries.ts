/**
 * The GraphQL the review page sends: it drafts and imports through the public API, like any other
 * client. `draftDocument` answers the shapes of src/extract/draft.types.ts, with an entity's match
 * decision nested under `match`.
 */

export const DRAFT_DOCUMENT = `query DraftDocument($article: ArticleInput!) {
  draftDocument(article: $article) {
    document
    entities { id kind name match { decision reason candidates } mentions { start end text } }
    facts { id kind summary excerpt start end confidence actor stance statementKind topic date status text }
    warnings
  }
}`;

export const IMPORT_DOCUMENT = `mutation ImportDocument($document: JSONObject!) {
  importDocument(document: $document) { status sourceId nodesCreated relationshipsCreated }
}`;
