/**
 * The names in an article worth looking up in the graph before drafting: runs of capitalised words
 * ("Antti Hakkanen", "Ukraine Defence Contact Group"), the shorter runs inside them ("UK Defence
 * Secretary John Healey" holds "John Healey") and each of their words, folded. The graph layer
 * matches them against names and aliases (accents ignored, near misses allowed), so the extractor
 * sees only the entities the article could mean, however large the graph.
 */
import { MAX_LOOKUP_NAMES } from '../graph/known-entities.cypher';
import { foldText } from '../graph/text';

export { MAX_LOOKUP_NAMES };

/** Small words a name may hold between capitalised ones ("Ministry of Defence", "Ursula von der Leyen"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'von', 'van', 'der', 'al', 'bin']);

/**
 * A capitalised word: letters, marks, digits, apostrophes and hyphens, and a full stop only inside
 * it ("U.S"), so a sentence's closing full stop never joins the next sentence's first word.
 */
const WORD = String.raw`\p{Lu}(?:[\p{L}\p{M}\p{N}'’-]|\.(?=\p{L}))*`;
/** Words of one run are separated by spaces or tabs only: a line break ends a name. */
const CAPITALISED_RUN = new RegExp(
  String.raw`${WORD}(?:[ \t]+(?:(?:${[...CONNECTORS].join('|')})[ \t]+)?${WORD})*`,
  'gu',
);

/** Longest name, in words, looked up whole; a longer run (a headline in capitals) is looked up in parts. */
export const MAX_NAME_WORDS = 6;

/** The shorter runs inside a run of words, 2 to MAX_NAME_WORDS words long, that neither start nor end with a connector. */
function* innerRuns(words: readonly string[]): Generator<string> {
  for (let length = Math.min(MAX_NAME_WORDS, words.length - 1); length >= 2; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const part = words.slice(start, start + length);
      if (CONNECTORS.has(part[0]) || CONNECTORS.has(part[part.length - 1])) continue;
      yield part.join(' ');
    }
  }
}

export function lookupNames(text: string): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if (names.size < MAX_LOOKUP_NAMES && name.length >= 2 && !CONNECTORS.has(name)) names.add(name);
  };
  const full = () => names.size >= MAX_LOOKUP_NAMES;
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    if (full()) break;
    // "Kiev's closest allies": the possessive is not part of the name.
    const words = foldText(match[0])
      .split(' ')
      .map((word) => word.replace(/['’]s$/u, ''));
    if (words.length <= MAX_NAME_WORDS) add(words.join(' '));
    // Lazily, and only until the bound: a text in capitals is one run of thousands of words.
    for (const run of innerRuns(words)) {
      if (full()) break;
      add(run);
    }
    for (const word of words) add(word);
  }
  return [...names];
}
