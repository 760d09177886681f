/**
 * The article gate (src/extract/article.validate.ts): what may be drafted, and for everything else
 * one problem that names the field and says what to fix. The text is never changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import {
  articleProblems,
  MAX_ARTICLE_CHARS,
  MAX_PUBLISHER_CHARS,
  MAX_TITLE_CHARS,
  validateArticle,
} from '../../src/extract/article.validate';
import { thrownApiError } from './helpers/errors';

const SEED = path.join(__dirname, '..', '..', 'seed', '2025-04-11-qatar-tribune-coalition-of-the-willing');
const seedSource = JSON.parse(readFileSync(`${SEED}.json`, 'utf8')).source;
const seedArticle = {
  text: readFileSync(`${SEED}.txt`, 'utf8'),
  title: seedSource.title as string,
  publisher: seedSource.publisher as string,
  publishedAt: seedSource.publishedAt as string,
};
const SENTENCE = 'Defence ministers met in Brussels on Thursday.';

describe('validateArticle', () => {
  it('accepts the seed article and keeps its text verbatim', () => {
    expect(articleProblems(seedArticle)).toEqual([]);
    expect(validateArticle(seedArticle)).toEqual(seedArticle);
  });

  it('keeps CRLF line endings and surrounding white space: offsets point into the text as given', () => {
    const text = `  ${SENTENCE}\r\nThey talked.\r\n\t`;
    expect(validateArticle({ ...seedArticle, text }).text).toBe(text);
  });

  it('trims the title and publisher and leaves an empty url out', () => {
    const article = validateArticle({
      ...seedArticle,
      title: '  A title \t',
      publisher: ' Qatar Tribune ',
      url: ' ',
    });
    expect(article).toEqual({ ...seedArticle, title: 'A title', publisher: 'Qatar Tribune' });
    expect('url' in article).toBe(false);
    expect(validateArticle({ ...seedArticle, url: ' https://example.org/a ' }).url).toBe(
      'https://example.org/a',
    );
  });

  it('takes a text of exactly MAX_ARTICLE_CHARS characters', () => {
    const text = `${SENTENCE} `.repeat(MAX_ARTICLE_CHARS).slice(0, MAX_ARTICLE_CHARS);
    expect(articleProblems({ ...seedArticle, text })).toEqual([]);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty text', { text: '' }, 'article.text', /is empty/],
    ['a text of white space', { text: ' \n\t\r\n ' }, 'article.text', /is empty/],
    [
      'a text over the limit',
      { text: 'a '.repeat(MAX_ARTICLE_CHARS) },
      'article.text',
      /over the limit of 100,000/,
    ],
    ['a NUL byte', { text: `${SENTENCE}\u0000` }, 'article.text', /U\+0000 .*plain text/],
    ['a bell character', { text: `${SENTENCE}\u0007` }, 'article.text', /U\+0007/],
    [
      'a replacement character',
      { text: `${SENTENCE} caf\uFFFD` },
      'article.text',
      /U\+FFFD .*not valid UTF-8/,
    ],
    ['an unpaired surrogate', { text: `${SENTENCE} \uD800` }, 'article.text', /unpaired UTF-16 surrogate/],
    ['a text with no sentence', { text: 'NATO\n2025-04-11\nUK, US' }, 'article.text', /no sentence/],
    ['a text that is not a string', { text: 42 }, 'article.text', /must be a string/],
    ['no text', { text: undefined }, 'article.text', /is required/],
    ['no publication date', { publishedAt: undefined }, 'article.publishedAt', /is required.*YYYY-MM-DD/],
    [
      'a date in another format',
      { publishedAt: '11/04/2025' },
      'article.publishedAt',
      /YYYY-MM-DD.*"11\/04\/2025"/,
    ],
    ['a date without leading zeros', { publishedAt: '2025-4-1' }, 'article.publishedAt', /YYYY-MM-DD/],
    [
      'a date that does not exist',
      { publishedAt: '2025-02-30' },
      'article.publishedAt',
      /real calendar date/,
    ],
    ['a date with a time', { publishedAt: '2025-04-11T10:00:00Z' }, 'article.publishedAt', /YYYY-MM-DD/],
    ['an empty title', { title: '   ' }, 'article.title', /is empty: give the article's headline/],
    ['a title over the limit', { title: 'x'.repeat(MAX_TITLE_CHARS + 1) }, 'article.title', /over the limit/],
    ['a title on two lines', { title: 'One\nTwo' }, 'article.title', /U\+000A.*one line/],
    ['an empty publisher', { publisher: '' }, 'article.publisher', /is empty/],
    [
      'a publisher over the limit',
      { publisher: 'x'.repeat(MAX_PUBLISHER_CHARS + 1) },
      'article.publisher',
      /over the limit/,
    ],
    ['no publisher', { publisher: null }, 'article.publisher', /is required/],
    ['an ftp url', { url: 'ftp://example.org/a' }, 'article.url', /http\(s\) URL/],
    ['a javascript url', { url: 'javascript:alert(1)' }, 'article.url', /http\(s\) URL/],
    ['a url that is no url', { url: 'example.org' }, 'article.url', /http\(s\) URL/],
  ];

  it.each(bad)('refuses %s with one problem naming the field', (_name, change, field, message) => {
    const problems = articleProblems({ ...seedArticle, ...change });
    expect(problems).toEqual([{ field, message: expect.stringMatching(message) }]);
    const error = thrownApiError(() => validateArticle({ ...seedArticle, ...change }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field, problems });
    expect(error.message).toContain(`\`${field}\``);
  });

  it('lists every problem of an article at once, in field order', () => {
    const problems = articleProblems({
      text: ' ',
      title: '',
      publishedAt: 'soon',
      url: 'file:///etc/passwd',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'article.text',
      'article.title',
      'article.publisher',
      'article.publishedAt',
      'article.url',
    ]);
    expect(articleProblems(null).map((problem) => problem.field)).toEqual([
      'article.text',
      'article.title',
      'article.publisher',
      'article.publishedAt',
    ]);
  });

  it('finds no sentence in a single 100,000-letter word in linear time (a backtracking pattern took 12 s)', () => {
    const started = Date.now();
    expect(articleProblems({ ...seedArticle, text: 'a'.repeat(MAX_ARTICLE_CHARS) })).toEqual([
      { field: 'article.text', message: expect.stringMatching(/no sentence/) },
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fits the longest article in the default request body, even with every character escaped', () => {
    const { bodyLimitBytes } = loadConfig({}).http;
    const escaped = JSON.stringify({ text: '\\u00e9'.repeat(MAX_ARTICLE_CHARS) }).length;
    expect(escaped + 10_000).toBeLessThan(bodyLimitBytes);
  });
});
