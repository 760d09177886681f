/**
 * Drafting an article as a story: validate it, look its names up in the graph (one round trip),
 * draft the document. Reads only: nothing is written until a reviewer imports the draft.
 */
import { validateDocument } from '../ingest/document.validate';
import { validateArticle } from './article.validate';
import { draftArticle } from './draft-article';
import type { Draft, KnownEntity } from './draft.types';
import { lookupNames } from './lookup-names';

/** Where the drafter's candidates come from: the graph (GraphReader), or nothing (`--offline`). */
export interface EntityLookup {
  knownEntities(names: readonly string[]): Promise<KnownEntity[]>;
}

/** A lookup that knows nothing: every entity of the draft is NEW. */
export const NO_GRAPH: EntityLookup = { knownEntities: async () => [] };

/**
 * Throws BAD_USER_INPUT (naming the field) for an article that can't be drafted. A draft whose
 * document the import validator would refuse is a drafter's fault, not the user's: it is returned
 * with the validator's findings in `warnings`, so a reviewer sees why it can't be imported yet.
 */
export async function draftDocument(input: unknown, lookup: EntityLookup): Promise<Draft> {
  const article = validateArticle(input);
  const known = await lookup.knownEntities(lookupNames(article.text));
  const draft = draftArticle(article, known);
  const findings = importFindings(draft, known);
  return findings.length === 0 ? draft : { ...draft, warnings: [...draft.warnings, ...findings] };
}

/**
 * What the import would refuse in a draft: the validator's errors, and references to ids that are
 * neither defined in the draft nor among the graph's entities it was matched against.
 */
export function importFindings(draft: Draft, known: readonly KnownEntity[]): string[] {
  const refused = (record: string, field: string, message: string) =>
    `the import would refuse this draft: ${record}: ${field}: ${message}`;
  const checked = validateDocument(draft.document, 'draft');
  if (!checked.ok) return checked.errors.map(({ record, field, message }) => refused(record, field, message));
  const knownIds = new Set(known.map((entity) => entity.id));
  return checked.unresolvedReferences
    .filter((reference) => !knownIds.has(reference.id))
    .map(({ record, field, id }) =>
      refused(record, field, `refers to "${id}", which neither the draft nor the graph's matches define`),
    );
}
