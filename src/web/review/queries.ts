/**
 * The GraphQL the review page sends: it drafts and imports through the public API, like any other
 * client. `draftDocument` answers the shapes of src/extract/draft.types.ts, with an entity's match
 * decision nested under `match`. Typed by `npm run codegen` through `graphql()` (docs/typed-clients.md).
 */
import { graphql } from '../generated';

export const DRAFT_DOCUMENT = graphql(`query DraftDocument($article: ArticleInput!) {
  draftDocument(article: $article) {
    document
    entities { id kind name match { decision reason candidates } mentions { start end text } }
    facts { id kind summary excerpt start end confidence actor stance statementKind topic date status text }
    warnings
  }
}`);

export const IMPORT_DOCUMENT = graphql(`mutation ImportDocument($document: JSONObject!) {
  importDocument(document: $document) { status sourceId nodesCreated relationshipsCreated }
}`);
