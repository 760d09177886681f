/**
 * How the scorer compares text: words folded (case and accents ignored), quotation marks and
 * punctuation dropped, so a draft's `“We will”` and the gold's `"we will"` are the same words. The
 * thresholds are the evaluation's rules (docs/extraction.md), kept here so they have one owner.
 */
import { foldText } from '../graph/text';

/** A drafted quote is the gold's when they share this much of the longer one's words. */
export const QUOTE_OVERLAP = 0.8;
/** A drafted paraphrase is the gold's when its excerpts hold this much of the gold excerpt's words. */
export const PARAPHRASE_COVERAGE = 0.5;
/** Two topic names mean the same when they share this much of the longer one's content words. */
export const TOPIC_OVERLAP = 0.5;

/** "“We’re ready,” she said." -> ["we", "re", "ready", "she", "said"] */
export function comparableWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** How many words `a` and `b` share, a repeated word counting as often as both hold it. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return shared;
}

/** Shared words over the longer text's words: 1 for the same words, symmetric, 0 when either is empty. */
export function textOverlap(a: string, b: string): number {
  const wordsA = comparableWords(a);
  const wordsB = comparableWords(b);
  const longer = Math.max(wordsA.length, wordsB.length);
  return longer === 0 ? 0 : sharedWords(wordsA, wordsB) / longer;
}

/** The share of `gold`'s words that `candidate` holds: how much of what the analyst marked it covers. */
export function coverage(gold: string, candidate: string): number {
  const goldWords = comparableWords(gold);
  return goldWords.length === 0 ? 0 : sharedWords(goldWords, comparableWords(candidate)) / goldWords.length;
}

const TOPIC_STOPWORDS = new Set(
  'a an the of for to in on and or with by at from its their his her any all s'.split(' '),
);

/** Content words of a topic name, a plural "s" dropped ("guarantees" ~ "guarantee"). */
function topicWords(name: string): string[] {
  return [
    ...new Set(
      comparableWords(name)
        .filter((word) => !TOPIC_STOPWORDS.has(word))
        .map((word) =>
          word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
        ),
    ),
  ];
}

/**
 * Whether a drafted topic is the gold's: some name or alias of one equals (folded) some name or
 * alias of the other, or shares at least TOPIC_OVERLAP of the longer one's content words
 * ("Security guarantees for Ukraine" ~ "security guarantee"; "US involvement" !~ "US security backstop").
 */
export function topicsMatch(goldNames: readonly string[], draftNames: readonly string[]): boolean {
  for (const goldName of goldNames) {
    const goldWords = topicWords(goldName);
    for (const draftName of draftNames) {
      if (foldText(goldName) === foldText(draftName)) return true;
      const draftWords = topicWords(draftName);
      const longer = Math.max(goldWords.length, draftWords.length);
      if (longer > 0 && sharedWords(goldWords, draftWords) / longer >= TOPIC_OVERLAP) return true;
    }
  }
  return false;
}
