/**
 * Text normalisation and Lucene escaping. Names are matched case- and accent-insensitively by storing
 * a folded copy (`nameText`) and folding the user's words the same way before querying.
 */
import { BadUserInputError } from '../errors';

/** Lower-case, strip diacritics (Häkkänen -> hakkanen), collapse white space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The folded name and aliases of an entity, one per line, as stored in `nameText`. */
export function nameText(name: string, aliases: readonly string[]): string {
  return [name, ...aliases].map(foldText).join('\n');
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Escapes every Lucene operator so user text is only ever words: no syntax errors, no field targeting
 * (`name:x`), no wildcards that return the whole index. Boolean keywords are lower-cased, which
 * Lucene does not treat as operators.
 */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&').replace(/\b(AND|OR|NOT|TO)\b/g, (word) => word.toLowerCase());
}

/** Words of the user's text, folded and escaped, for a Lucene query; empty when nothing searchable is left. */
export function luceneTerms(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(escapeLucene);
}

/** Longest text any full-text filter or search takes (longer is never a name or a phrase anyone types). */
export const MAX_SEARCH_TEXT_LENGTH = 200;
/** Most words a full-text query may hold: each is a Lucene clause, and Lucene caps them (1,024). */
export const MAX_SEARCH_TERMS = 32;

/**
 * The one gate for user text bound for a full-text index (search, name and text filters): refuses
 * text that is too long, has too many words, or has no word at all, before any Cypher runs.
 * `argument` names the argument in the error. Returns the folded, escaped words.
 */
export function searchTerms(text: string, argument: string): string[] {
  if (text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw new BadUserInputError(
      `\`${argument}\` is too long: at most ${MAX_SEARCH_TEXT_LENGTH} characters (got ${text.length}).`,
      { argument },
    );
  }
  const terms = luceneTerms(text);
  if (terms.length > MAX_SEARCH_TERMS) {
    throw new BadUserInputError(
      `\`${argument}\` has too many words: at most ${MAX_SEARCH_TERMS} (got ${terms.length}); use fewer, more distinctive words.`,
      { argument },
    );
  }
  if (terms.length === 0) {
    throw new BadUserInputError(`\`${argument}\` must contain at least one letter or digit.`, { argument });
  }
  return terms;
}

/** A phrase query: all words in order, e.g. "us involvement". */
export function lucenePhrase(text: string, argument: string): string {
  return `"${searchTerms(text, argument).join(' ')}"`;
}

/** Every word required (AND), for search-as-you-type style queries; the last word may be a prefix. */
export function luceneAllWords(text: string, argument: string): string {
  const terms = searchTerms(text, argument);
  return terms
    .map((term, index) => (index === terms.length - 1 ? `(${term} OR ${term}*)` : term))
    .join(' AND ');
}

/** Words at least this long may be misspelt by one letter and still match a name ("Hakanen"). */
export const NEAR_MISS_MIN_LETTERS = 5;

/**
 * A Lucene query for a name as an article spells it: every word of it (all required), folded and
 * escaped, each of NEAR_MISS_MIN_LETTERS letters or more allowed one edit (`hakanen~1`), shorter
 * ones exact (a one-letter change turns "Iran" into "Iraq"). Undefined when no word is left.
 */
export function luceneNearName(name: string): string | undefined {
  const terms = luceneTerms(name).map((term) =>
    [...term].length >= NEAR_MISS_MIN_LETTERS ? `${term}~1` : term,
  );
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}
