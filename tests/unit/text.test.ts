/**
 * Text folding and full-text input (src/graph/text.ts): names match without case or accents, user
 * text reaches Lucene only as escaped words, and searchTerms refuses what no index should run.
 */
import {
  escapeLucene,
  foldText,
  luceneAllWords,
  luceneTerms,
  lucenePhrase,
  MAX_SEARCH_TERMS,
  MAX_SEARCH_TEXT_LENGTH,
  nameText,
  searchTerms,
} from '../../src/graph/text';
import { thrownApiError } from './helpers/errors';

describe('foldText', () => {
  it('drops case and accents and collapses white space', () => {
    expect(foldText('  Häkkänen\t\n  ÉLYSÉE  ')).toBe('hakkanen elysee');
    expect(foldText('ﬁnance')).toBe('finance'); // compatibility forms too (NFKD)
  });

  it('stores a name and its aliases one folded line each', () => {
    expect(nameText('Ünited Kingdom', ['UK', 'Grande-Bretagne'])).toBe('united kingdom\nuk\ngrande-bretagne');
  });
});

describe('escapeLucene', () => {
  it('escapes every Lucene operator character', () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    expect(escapeLucene(specials)).toBe([...specials].map((c) => `\\${c}`).join(''));
    expect(escapeLucene('name:x*')).toBe('name\\:x\\*');
  });

  it('lower-cases boolean keywords, but only whole words', () => {
    expect(escapeLucene('Healey AND NOT Jonson OR x TO y')).toBe('Healey and not Jonson or x to y');
    expect(escapeLucene('ANDROID ORBIT NOTE TOKYO')).toBe('ANDROID ORBIT NOTE TOKYO');
  });
});

describe('luceneTerms', () => {
  it('keeps only folded words: operators, fields and wildcards are gone', () => {
    expect(luceneTerms('nameText:* OR bodyText:*')).toEqual(['nametext', 'or', 'bodytext']);
    expect(luceneTerms('*:*')).toEqual([]);
    expect(luceneTerms('"Président" (Macron)')).toEqual(['president', 'macron']);
    expect(luceneTerms('Kyiv 2025')).toEqual(['kyiv', '2025']);
  });
});

describe('searchTerms', () => {
  it(`accepts ${MAX_SEARCH_TEXT_LENGTH} characters and ${MAX_SEARCH_TERMS} words`, () => {
    expect(searchTerms('a'.repeat(MAX_SEARCH_TEXT_LENGTH), 'q')).toHaveLength(1);
    expect(searchTerms(Array(MAX_SEARCH_TERMS).fill('w').join(' '), 'q')).toHaveLength(MAX_SEARCH_TERMS);
  });

  it.each([
    ['too long', 'a'.repeat(MAX_SEARCH_TEXT_LENGTH + 1), 'is too long: at most 200 characters (got 201)'],
    [
      'too many words',
      Array(MAX_SEARCH_TERMS + 1)
        .fill('w')
        .join(' '),
      'has too many words: at most 32 (got 33)',
    ],
    ['no word', '*** ?? ::', 'must contain at least one letter or digit'],
    ['empty', '', 'must contain at least one letter or digit'],
  ])('refuses text that is %s, naming the argument', (_case, text, message) => {
    const error = thrownApiError(() => searchTerms(text, 'filter.name'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.name' });
    expect(error.message).toContain(`\`filter.name\` ${message}`);
  });

  it('builds phrase and all-words queries from the same checked words', () => {
    expect(lucenePhrase('U.S. involvement', 'text')).toBe('"u s involvement"');
    expect(luceneAllWords('Kaja Kal', 'q')).toBe('kaja AND (kal OR kal*)');
    expect(() => lucenePhrase('***', 'text')).toThrow('at least one letter or digit');
  });
});
