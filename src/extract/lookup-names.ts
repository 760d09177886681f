/**
 * The names in an article worth looking up in the graph before drafting: runs of capitalised words
 * ("Antti Hakkanen", "Ukraine Defence Contact Group") and each of their words, folded. The graph
 * layer matches them against names and aliases (accents ignored, near misses allowed), so the
 * extractor sees only the entities the article could mean, however large the graph.
 */
import { foldText } from '../graph/text';

const CAPITALISED_RUN =
  /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:of|the|for|and|de|von|van|der|al|bin)?\s*\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

/** Most names one article may look up (a bound on the lookup query). */
export const MAX_LOOKUP_NAMES = 2000;

export function lookupNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const run = foldText(match[0].replace(/['’]s$/u, ''));
    if (run.length < 2) continue;
    names.add(run);
    for (const word of run.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2) names.add(word);
    if (names.size >= MAX_LOOKUP_NAMES) break;
  }
  return [...names].slice(0, MAX_LOOKUP_NAMES);
}
