/**
 * The names an article looks up (src/extract/lookup-names.ts): whole capitalised runs, the shorter
 * runs inside them and their words, folded; never across a sentence or a line, and bounded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lookupNames, MAX_LOOKUP_NAMES, MAX_NAME_WORDS } from '../../src/extract/lookup-names';

const SEED_TEXT = readFileSync(
  path.join(__dirname, '..', '..', 'seed', '2025-04-11-qatar-tribune-coalition-of-the-willing.txt'),
  'utf8',
);

describe('lookupNames', () => {
  const names = lookupNames(SEED_TEXT);

  it("finds the seed article's people, groups and places, folded", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'antti hakkanen',
        'hakkanen',
        'pal jonson',
        'john healey',
        'healey',
        'keir starmer',
        'president trump',
        'ukraine defence contact group',
        'nato',
        'brussels',
        'qatar tribune',
        'kiev',
      ]),
    );
  });

  it('finds the name inside a title: "UK Defence Secretary John Healey" holds "John Healey"', () => {
    expect(lookupNames('said UK Defence Secretary John Healey today')).toEqual(
      expect.arrayContaining(['uk defence secretary john healey', 'john healey', 'defence secretary']),
    );
  });

  it('ignores accents, possessives and connectors on their own', () => {
    expect(lookupNames("Häkkänen met Kiev's allies at the Ministry of Defence.")).toEqual([
      'hakkanen',
      'kiev',
      'ministry of defence',
      'ministry',
      'defence',
    ]);
  });

  it('never joins words across a full stop or a line break', () => {
    expect(names.some((name) => name.includes('\n') || name.endsWith('.'))).toBe(false);
    expect(lookupNames('It ended in Ukraine. Source: Qatar Tribune')).not.toContain('ukraine source');
    expect(lookupNames('Ukraine\nSource')).toEqual(['ukraine', 'source']);
  });

  it('keeps the full stops inside an abbreviation', () => {
    expect(lookupNames('the U.S. said')).toContain('u.s');
  });

  it('looks a run longer than MAX_NAME_WORDS up in parts only', () => {
    const headline = 'KIEV ALLIES MULL POST-WAR MISSION AMID US RELUCTANCE';
    const found = lookupNames(headline);
    expect(found).not.toContain(headline.toLowerCase());
    expect(found.every((name) => name.split(' ').length <= MAX_NAME_WORDS)).toBe(true);
    expect(found).toContain('kiev');
  });

  it('returns at most MAX_LOOKUP_NAMES names', () => {
    const text = Array.from({ length: MAX_LOOKUP_NAMES }, (_, index) => `Alpha${index} Beta${index}`).join(
      ', ',
    );
    expect(lookupNames(text)).toHaveLength(MAX_LOOKUP_NAMES);
  });
});
