/**
 * The one gate for an article before it is drafted, for the GraphQL API and the CLI alike. Every
 * problem names the field (`article.text`, `article.publishedAt`, ...) and says what to fix. The
 * text is kept exactly as given (line endings included): every offset in a draft points into it.
 */
import { BadUserInputError } from '../errors';
import { HttpUrl, Source } from '../ingest/document.format';
import type { ArticleInput } from './draft.types';

/**
 * Longest article text, in characters (UTF-16 code units, as offsets count them): a long feature
 * is some 30,000. Sent as JSON it stays under the request body limit (BODY_LIMIT_KB, 1024 KB by
 * default) even with every character escaped as `\uXXXX` (6 bytes each, 600 KB).
 */
export const MAX_ARTICLE_CHARS = 100_000;
export const MAX_TITLE_CHARS = 500;
export const MAX_PUBLISHER_CHARS = 200;
export const MAX_URL_CHARS = 2000;

/** A problem with one field of an article. */
export interface ArticleProblem {
  /** `article.text`, `article.title`, `article.publisher`, `article.publishedAt` or `article.url`. */
  field: string;
  message: string;
}

export type ArticleField = keyof ArticleInput;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LETTER_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const WORD_GAP = /^[ \t,;:]+$/;
/** Words of letters in a row (separated by spaces or light punctuation) that make the least sentence. */
const SENTENCE_WORDS = 3;

/**
 * Whether the text has SENTENCE_WORDS words of letters in a row. A scan from word to word, in time
 * linear in the text: a single pattern for the whole run backtracks quadratically on a long word.
 */
function hasSentence(text: string): boolean {
  let run = 0;
  let previousEnd = -1;
  for (const word of text.matchAll(LETTER_WORD)) {
    run = previousEnd >= 0 && WORD_GAP.test(text.slice(previousEnd, word.index)) ? run + 1 : 1;
    if (run >= SENTENCE_WORDS) return true;
    previousEnd = word.index + word[0].length;
  }
  return false;
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with text that is not clean Unicode text: binary bytes, or bytes that were not UTF-8. */
function encodingProblem(text: string, control: RegExp, fix: string): string | undefined {
  const controlAt = control.exec(text);
  if (controlAt) {
    return `contains the control character ${codePoint(controlAt[0])} at character ${controlAt.index}, which plain text does not have: ${fix}`;
  }
  const replacementAt = text.indexOf(REPLACEMENT);
  if (replacementAt !== -1) {
    return `contains the replacement character U+FFFD at character ${replacementAt}, which means its bytes were not valid UTF-8 where it was read: convert the file to UTF-8 and paste it again`;
  }
  const surrogateAt = LONE_SURROGATE.exec(text);
  if (surrogateAt) {
    return `contains an unpaired UTF-16 surrogate at character ${surrogateAt.index}: send valid Unicode text`;
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (text.trim().length === 0) return "is empty: paste the article's full text";
  if (text.length > MAX_ARTICLE_CHARS) {
    return `has ${text.length.toLocaleString('en')} characters, over the limit of ${MAX_ARTICLE_CHARS.toLocaleString('en')}: draft the article in parts`;
  }
  const encoding = encodingProblem(
    text,
    CONTROL,
    'is this a binary file? Paste the article as plain text (tabs and line breaks are fine)',
  );
  if (encoding) return encoding;
  if (!hasSentence(text)) {
    return "holds no sentence (no three words of letters in a row): paste the article's prose, not only names, numbers or markup";
  }
  return undefined;
}

function lineProblem(value: string, max: number, what: string): string | undefined {
  const line = value.trim();
  if (line.length === 0) return `is empty: give ${what}`;
  if (line.length > max) return `has ${line.length} characters, over the limit of ${max}`;
  return encodingProblem(line, LINE_BREAK_OR_CONTROL, `give ${what} as plain text on one line`);
}

function publishedAtProblem(value: string): string | undefined {
  // The import format's rule (a real calendar date, YYYY-MM-DD), said with an example.
  if (Source.shape.publishedAt.safeParse(value).success) return undefined;
  return `must be the day the article was published, a real calendar date written YYYY-MM-DD, e.g. 2025-04-11 (got ${JSON.stringify(value.slice(0, 40))})`;
}

function urlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_CHARS)
    return `has ${value.length} characters, over the limit of ${MAX_URL_CHARS}`;
  if (HttpUrl.safeParse(value).success) return undefined;
  return `must be an http(s) URL, e.g. "https://example.org/report" (got ${JSON.stringify(value.slice(0, 60))})`;
}

const WHAT: Record<ArticleField, string> = {
  text: "the article's full text",
  title: "the article's headline",
  publisher: 'the name of the newspaper, agency or site that published it',
  publishedAt: 'the publication date, written YYYY-MM-DD (e.g. 2025-04-11)',
  url: 'the address of the article (http or https)',
};

/** Every problem of an article, in field order; empty when it may be drafted. */
export function articleProblems(input: unknown): ArticleProblem[] {
  const article = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const problems: ArticleProblem[] = [];
  const check = (field: ArticleField, rule: (value: string) => string | undefined, optional = false) => {
    const value = article[field];
    if (value === undefined || value === null) {
      if (!optional)
        problems.push({ field: `article.${field}`, message: `is required: give ${WHAT[field]}` });
      return;
    }
    if (typeof value !== 'string') {
      problems.push({ field: `article.${field}`, message: `must be a string: ${WHAT[field]}` });
      return;
    }
    const message = rule(value);
    if (message) problems.push({ field: `article.${field}`, message });
  };
  check('text', textProblem);
  check('title', (value) => lineProblem(value, MAX_TITLE_CHARS, WHAT.title));
  check('publisher', (value) => lineProblem(value, MAX_PUBLISHER_CHARS, WHAT.publisher));
  check('publishedAt', publishedAtProblem);
  // An empty url, as forms send it, means none.
  check('url', (value) => (value.trim() === '' ? undefined : urlProblem(value.trim())), true);
  return problems;
}

/**
 * The article ready to draft: its text verbatim, its title and publisher trimmed, its url left
 * out when empty. Throws one BAD_USER_INPUT error that names the first field at fault and lists
 * every problem (`extensions.problems`).
 */
export function validateArticle(input: unknown): ArticleInput {
  const problems = articleProblems(input);
  if (problems.length > 0) {
    throw new BadUserInputError(problems.map(({ field, message }) => `\`${field}\` ${message}.`).join(' '), {
      argument: problems[0].field,
      problems,
    });
  }
  const article = input as ArticleInput;
  const url = article.url?.trim();
  return {
    text: article.text,
    title: article.title.trim(),
    publisher: article.publisher.trim(),
    publishedAt: article.publishedAt,
    ...(url ? { url } : {}),
  };
}
