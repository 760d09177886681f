/**
 * Turns the API's `draftDocument` answer into a `Draft`: the entity's match decision lifted out of
 * `match`, GraphQL's nulls turned into absent fields, and the document read with the format's own
 * schema, so every list the format defaults (aliases, a position's statements, ...) is there.
 */
import { DocumentSchema } from '../../ingest/document.format';
import type { Draft, DraftFact } from '../../extract/draft.types';
import type { DraftDocumentQuery } from '../generated/graphql';

/** The answer as `npm run codegen` types it from the schema and review/queries.ts. */
export type DraftDocumentAnswer = DraftDocumentQuery['draftDocument'];

export function draftFromAnswer(answer: DraftDocumentAnswer): Draft {
  const document = DocumentSchema.safeParse(answer.document);
  if (!document.success) {
    const first = document.error.issues[0];
    throw new Error(
      `The drafted document does not fit the import format (${first.path.join('.')}: ${first.message}); this is a bug in the drafter.`,
    );
  }
  return {
    document: document.data,
    entities: answer.entities.map(({ match, ...entity }) => ({ ...entity, ...match })),
    facts: answer.facts.map(
      (fact) =>
        Object.fromEntries(
          Object.entries(fact).filter(([, value]) => value !== null),
        ) as unknown as DraftFact,
    ),
    warnings: answer.warnings,
  };
}
