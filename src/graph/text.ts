/**
 * Text normalisation and Lucene escaping. Names are matched case- and accent-insensitively by storing
 * a folded copy (`nameText`) and folding the user's words the same way before querying.
 */

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

/** A phrase query: all words in order, e.g. "us involvement". */
export function lucenePhrase(text: string): string | undefined {
  const terms = luceneTerms(text);
  return terms.length === 0 ? undefined : `"${terms.join(' ')}"`;
}

/** Every word required (AND), for search-as-you-type style queries; the last word may be a prefix. */
export function luceneAllWords(text: string): string | undefined {
  const terms = luceneTerms(text);
  if (terms.length === 0) return undefined;
  return terms
    .map((term, index) => (index === terms.length - 1 ? `(${term} OR ${term}*)` : term))
    .join(' AND ');
}
