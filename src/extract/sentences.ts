/**
 * Sentences and quotations of an article, with character offsets into the original text, so every
 * excerpt the drafter proposes is `text.slice(start, end)` by construction. Paragraphs (lines) are
 * split by compromise's sentence tokenizer; a sentence is widened to take in quotation marks the
 * tokenizer leaves outside it.
 */
import nlp from 'compromise/one';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) it is in. */
  paragraph: number;
}

export interface Quotation {
  /** Offsets of the quoted words, without the quotation marks. */
  start: number;
  end: number;
  text: string;
  /** Offsets including the marks. */
  outerStart: number;
  outerEnd: number;
}

const OPENING_MARKS = new Set(['"', '“', '„', '«']);
const CLOSING_MARKS = new Set(['"', '”', '»']);

/** Sentences in text order; lines are paragraphs and never share a sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length > 0) {
      for (const [start, end] of lineSentences(line)) {
        const from = lineStart + start;
        const to = lineStart + end;
        sentences.push({
          index: sentences.length,
          start: from,
          end: to,
          text: text.slice(from, to),
          paragraph,
        });
      }
      paragraph += 1;
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

/**
 * Longest piece of a line given to the tokenizer at once: its abbreviation check backtracks on
 * very long runs ("U.S. U.S. …"), and no paragraph a reporter writes is this long. A longer line is
 * cut at a space into pieces this size, each split on its own.
 */
const MAX_TOKENIZER_PIECE = 2000;

function lineSentences(line: string): [number, number][] {
  if (line.length <= MAX_TOKENIZER_PIECE) return pieceSentences(line);
  const spans: [number, number][] = [];
  for (let from = 0; from < line.length;) {
    let to = Math.min(line.length, from + MAX_TOKENIZER_PIECE);
    if (to < line.length) {
      const space = line.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    for (const [start, end] of pieceSentences(line.slice(from, to))) spans.push([from + start, from + end]);
    from = to;
  }
  return spans;
}

function pieceSentences(line: string): [number, number][] {
  const spans: [number, number][] = [];
  // compromise/one tokenizes without tagging (fast); `terms: false` skips per-word output.
  const doc = nlp(line);
  const json = doc.json as (options: object) => { offset: { start: number; length: number } }[];
  const offsets = json.call(doc, { offset: true, terms: false });
  for (const { offset } of offsets) {
    const previousEnd = spans.at(-1)?.[1] ?? 0;
    let start = Math.max(offset.start, previousEnd);
    let end = offset.start + offset.length;
    // The tokenizer leaves opening and closing quotation marks outside its sentences.
    while (start > previousEnd && !/\s/.test(line[start - 1])) start -= 1;
    while (end < line.length && !/\s/.test(line[end])) end += 1;
    while (start < end && /\s/.test(line[start])) start += 1;
    while (end > start && /\s/.test(line[end - 1])) end -= 1;
    if (end > start) spans.push([start, end]);
  }
  if (spans.length === 0 && line.trim().length > 0) {
    const start = line.length - line.trimStart().length;
    spans.push([start, line.trimEnd().length]);
  }
  return mergeInsideQuotes(line, spans);
}

/**
 * The tokenizer may split inside a quotation ("… ready. We will act," she said.): such pieces are
 * joined back, so a quote and its attribution stay in one sentence.
 */
function mergeInsideQuotes(line: string, spans: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous && quoteOpenAt(line, previous[0], previous[1])) {
      previous[1] = span[1];
    } else {
      merged.push([...span]);
    }
  }
  return merged;
}

function quoteOpenAt(line: string, start: number, end: number): boolean {
  let straight = 0;
  let curly = 0;
  for (let i = start; i < end; i += 1) {
    const char = line[i];
    if (char === '"') straight += 1;
    else if (char === '“') curly += 1;
    else if (char === '”') curly -= 1;
  }
  return straight % 2 === 1 || curly > 0;
}

/**
 * Quotations in a paragraph-bounded range: straight quotes pair up in order, curly ones by their
 * direction. Unpaired marks are ignored.
 */
export function findQuotations(text: string, from = 0, to = text.length): Quotation[] {
  const quotations: Quotation[] = [];
  let open = -1;
  let openMark = '';
  for (let i = from; i < to; i += 1) {
    const char = text[i];
    if (char === '\n') {
      // Wire copy leaves a quotation that runs on into the next paragraph open at the line's end.
      if (open >= 0 && i > open + 1) {
        let end = i;
        while (end > open + 1 && /\s/.test(text[end - 1])) end -= 1;
        quotations.push({
          start: open + 1,
          end,
          text: text.slice(open + 1, end),
          outerStart: open,
          outerEnd: end,
        });
      }
      open = -1;
      continue;
    }
    if (open < 0 && OPENING_MARKS.has(char)) {
      open = i;
      openMark = char;
    } else if (open >= 0 && CLOSING_MARKS.has(char) && (openMark !== '"' || char === '"')) {
      const start = open + 1;
      const end = i;
      if (end > start) {
        quotations.push({ start, end, text: text.slice(start, end), outerStart: open, outerEnd: i + 1 });
      }
      open = -1;
    }
  }
  return quotations;
}

/** Words of a text: runs of letters or digits (with inner apostrophes and dashes). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
