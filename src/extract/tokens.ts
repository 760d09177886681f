/**
 * Word tokens with offsets, and a phrase index that finds the longest listed phrase at each token
 * (nation names, organization names, known entities' names and aliases). Matching is on folded
 * words (accents and case ignored), optionally requiring the text to be capitalised, so "Hakkanen"
 * finds "Häkkänen" and "us" never finds the United States.
 */
import { foldText } from '../graph/text';

export interface Token {
  text: string;
  /** Folded form: lower case, no accents. */
  folded: string;
  start: number;
  end: number;
}

// Dotted acronyms (U.S., U.K.), words with inner hyphens or apostrophes, a possessive 's, or one
// punctuation mark.
const TOKEN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’](?![sS]\b)[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(TOKEN)) {
    const start = from + (match.index ?? 0);
    tokens.push({ text: match[0], folded: foldText(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export interface PhraseMatch<T> {
  value: T;
  /** Token range [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

interface Entry<T> {
  value: T;
  /** The words as listed, when case matters (acronyms: "US" but never "us"). */
  exact?: string;
  capitalised: boolean;
}

/** Longest-match lookup of multi-word phrases over tokens. */
export class PhraseIndex<T> {
  private readonly entries = new Map<string, Entry<T>[]>();
  private longest = 1;

  /**
   * `exactCase`: match only the listed spelling (for acronyms and short forms). Otherwise the text
   * must start with a capital unless `anyCase`.
   */
  add(phrase: string, value: T, options: { exactCase?: boolean; anyCase?: boolean } = {}): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    const key = tokens.map((token) => token.folded).join(' ');
    const entry: Entry<T> = {
      value,
      exact: options.exactCase ? tokens.map((token) => token.text).join(' ') : undefined,
      capitalised: !options.anyCase,
    };
    const list = this.entries.get(key);
    if (list) list.push(entry);
    else this.entries.set(key, [entry]);
    this.longest = Math.max(this.longest, tokens.length);
  }

  /** The entries for a phrase (all of them: one phrase may name two entities). */
  lookup(phrase: string): T[] {
    const key = tokenize(phrase)
      .map((token) => token.folded)
      .join(' ');
    return (this.entries.get(key) ?? []).map((entry) => entry.value);
  }

  /** Non-overlapping longest matches, left to right; each match may carry several values. */
  findAll(tokens: readonly Token[], text: string): PhraseMatch<T[]>[] {
    const matches: PhraseMatch<T[]>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let found: PhraseMatch<T[]> | undefined;
      for (let length = Math.min(this.longest, tokens.length - i); length >= 1 && !found; length -= 1) {
        const slice = tokens.slice(i, i + length);
        const list = this.entries.get(slice.map((token) => token.folded).join(' '));
        if (!list) continue;
        const surface = slice.map((token) => token.text).join(' ');
        const values = list
          .filter((entry) =>
            entry.exact !== undefined
              ? entry.exact === surface
              : !entry.capitalised || isCapitalised(slice[0].text),
          )
          .map((entry) => entry.value);
        if (values.length > 0) {
          const start = slice[0].start;
          const end = slice[slice.length - 1].end;
          found = { value: values, first: i, last: i + length - 1, start, end, text: text.slice(start, end) };
        }
      }
      if (found) {
        matches.push(found);
        i = found.last + 1;
      } else {
        i += 1;
      }
    }
    return matches;
  }
}
