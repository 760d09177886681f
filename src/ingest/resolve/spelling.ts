/**
 * Spelling-insensitive forms of names, titles and quoted words, so two reports of the same words
 * compare equal: case, accents, quote marks and dashes, punctuation, and British against American
 * spelling ("jeopardise" / "jeopardize", "defence" / "defense", "centre" / "center").
 */
import { foldText } from '../../graph/text';

/**
 * Word endings where British and American spelling differ, mapped to one form. The map need only be
 * consistent: it applies to both reports alike, so it may also rewrite words spelt the same on both
 * sides ("promise" -> "promize") as long as no two different words end up the same.
 */
const ENDINGS: [RegExp, string][] = [
  [/^(\p{L}{3,})is(e|ed|es|ing|ation|ations)$/u, '$1iz$2'],
  [/^(\p{L}{3,})ys(e|ed|es|ing)$/u, '$1yz$2'],
  [/^(def|off|lic|pret)ence$/u, '$1ense'],
  [/^(\p{L}{3,})ogue(s)?$/u, '$1og$2'],
  [/^(\p{L}{2,}[tbv])re(s)?$/u, '$1er$2'],
  [/^(\p{L}{3,})our(s|ed|ing|able|ite|ites)?$/u, '$1or$2'],
  [/^(\p{L}{3,})ll(ed|ing|er|ers)$/u, '$1l$2'],
  [/^(\p{L}{3,})ss(ed|ing)$/u, '$1s$2'],
];

function americanWord(word: string): string {
  for (const [pattern, replacement] of ENDINGS) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** Folded words with punctuation, quote marks and dashes dropped and spelling made American. */
export function spellingWords(text: string): string[] {
  return foldText(text)
    .replace(/['’‘`´]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(americanWord);
}

/** One comparable form of a name or title: "Ukraine Defence Contact Group" = "ukraine defense contact group". */
export function spellingForm(text: string): string {
  return spellingWords(text).join(' ');
}

/** Fewest words a truncated quote must keep to count as the same words. */
export const MIN_TRUNCATED_WORDS = 6;

/**
 * The same words, as two reports quote them: equal once spelling is normalised, or one a run of
 * the other's words of at least MIN_TRUNCATED_WORDS (a report that cuts a quote short).
 */
export function sameWords(a: string, b: string): boolean {
  const left = spellingWords(a);
  const right = spellingWords(b);
  if (left.join(' ') === right.join(' ')) return left.length > 0;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (short.length < MIN_TRUNCATED_WORDS) return false;
  return ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
}

/** Office words that name the same kind of office in different countries' usage. */
const TITLE_SYNONYMS: Record<string, string> = {
  secretary: 'minister',
  ministry: 'minister',
  affairs: '',
  of: '',
  for: '',
  the: '',
  state: '',
  uk: '',
  british: '',
  us: '',
};

/** An office title compared across reports: "Defence Secretary" = "Defense Minister". */
export function officeForm(title: string): string {
  return spellingWords(title)
    .map((word) => TITLE_SYNONYMS[word] ?? word)
    .filter((word) => word.length > 0)
    .sort()
    .join(' ');
}
