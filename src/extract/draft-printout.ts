/**
 * The review `npm run draft` prints for each article: every entity with its match decision (the
 * existing id, NEW, or AMBIGUOUS with its candidates), every fact with its kind, summary,
 * confidence and excerpt, and the drafter's warnings. Plain text, one item a line or two.
 */
import type { Draft, DraftEntity, DraftFact } from './draft.types';

/** Longest excerpt shown whole; a longer one keeps its start and end around an ellipsis. */
export const MAX_SHOWN_EXCERPT = 160;

/** An excerpt on one line, quoted, shortened in the middle when long. */
export function shownExcerpt(excerpt: string): string {
  const line = excerpt.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_SHOWN_EXCERPT) return `"${line}"`;
  const head = line.slice(0, Math.floor(MAX_SHOWN_EXCERPT * 0.65)).trimEnd();
  const tail = line.slice(line.length - Math.floor(MAX_SHOWN_EXCERPT * 0.3)).trimStart();
  return `"${head} … ${tail}"`;
}

function entityLine(entity: DraftEntity): string {
  const mentions = `${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`;
  const candidates =
    entity.decision === 'AMBIGUOUS' ? `; candidates: ${entity.candidates.join(', ')} (choose one)` : '';
  return `    ${entity.decision.padEnd(9)}  ${entity.kind.padEnd(12)}  ${entity.id}  "${entity.name}"  ${entity.reason}${candidates}  [${mentions}]`;
}

function factLines(fact: DraftFact): string[] {
  return [
    `    ${fact.kind.padEnd(9)}  ${fact.confidence.toFixed(2)}  ${fact.summary}  (${fact.id})`,
    `               ${shownExcerpt(fact.excerpt)} [${fact.start}-${fact.end}]`,
  ];
}

/** `out`: where the document was written, or undefined when it wasn't. */
export function formatReview(file: string, draft: Draft, out: string | undefined): string {
  const lines = [`${file}: ${draft.document.source.id}`];
  lines.push(`  entities (${draft.entities.length})`, ...draft.entities.map(entityLine));
  lines.push(`  facts (${draft.facts.length})`, ...draft.facts.flatMap(factLines));
  if (draft.warnings.length > 0)
    lines.push(
      `  warnings (${draft.warnings.length})`,
      ...draft.warnings.map((warning) => `    - ${warning}`),
    );
  lines.push(
    out
      ? `  wrote ${out}: review it, then npm run import -- ${out}`
      : '  not written: add --out <file> to write the document',
  );
  return lines.join('\n');
}
