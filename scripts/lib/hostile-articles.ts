/**
 * Hostile articles for the drafter, each about 100,000 characters (the API's limit): long runs of
 * capitalised words, of one repeated phrase, of quotes, dates, names and meeting words, and a real
 * article repeated. `npm run bench:draft-hostile` times draftArticle on each, so a change that makes
 * one of them slow (a backtracking regular expression, a scan inside a loop) shows.
 */
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../../src/project-root';
const N = 100_000;
const fill = (unit: string, sep = '') => {
  let s = '';
  while (s.length + unit.length + sep.length <= N) s += unit + sep;
  return s;
};
const fillGen = (gen: (i: number) => string) => {
  let s = '';
  for (let i = 0; ; i++) {
    const u = gen(i);
    if (s.length + u.length > N) break;
    s += u;
  }
  return s;
};
const caps = ['Aaaa', 'Bbbb', 'Cccc', 'Dddd', 'Eeee', 'Ffff', 'Gggg'];
const seed = readFileSync(
  fromProjectRoot('seed', '2025-04-11-qatar-tribune-coalition-of-the-willing.txt'),
  'utf8',
);
const weimar = readFileSync(
  fromProjectRoot('tests', 'fixtures', 'articles', 'weimar-air-defence-pledge.txt'),
  'utf8',
);
const realistic = (t: string) => {
  let s = t;
  while (s.length + t.length + 1 <= N) s += '\n' + t;
  return s;
};
const realisticOneLine = (t: string) => {
  const u = t.replace(/\n/g, ' ');
  let s = '';
  while (s.length + u.length + 1 <= N) s += u + ' ';
  return s;
};
export const CASES: Record<string, () => string> = {
  capsWords: () => 'The ' + fillGen((i) => caps[i % 7] + ' '),
  capsWordsComma: () => 'The ' + fillGen((i) => caps[i % 7] + ', '),
  ministerRep: () => 'The said ' + fill('Minister '),
  ministerCapsRep: () => fillGen((i) => `Minister ${caps[i % 7]} `),
  defenceMinisterRep: () => 'a b c ' + fill('Defence Minister '),
  quotesBalanced: () => fill('"a b c" '),
  quotesUnbalanced: () => 'a b c ' + fill('"a b c '),
  curlyUnbalanced: () => 'a b c ' + fill('“a b c '),
  longWordCap: () => 'a b c ' + 'A' + 'a'.repeat(N - 10),
  longWordLower: () => 'a b c ' + 'a'.repeat(N - 10),
  longWordUpper: () => 'a b c ' + 'A'.repeat(N - 10),
  saidRep: () => 'a b c ' + fill('said '),
  saidNameRep: () => fillGen((i) => `${caps[i % 7]} ${caps[(i + 1) % 7]} said `),
  counterpartRep: () => 'a b c ' + fill('and his counterpart '),
  onMondayRep: () => 'They met ' + fill('on Monday '),
  march3Rep: () => 'They met ' + fill('March 3 '),
  metOnMondayRep: () => fill('met on Monday '),
  willMeetOnMonday: () => fill('will meet on Monday and '),
  shortLines: () => fill('a b c.', '\n'),
  shortLinesCaps: () => fillGen((i) => `${caps[i % 7]} ${caps[(i + 3) % 7]} said a b c.\n`),
  namesAnd: () => fillGen((i) => `${caps[i % 7]} ${caps[(i + 2) % 7]} and `),
  nationsAnd: () => fill('France and '),
  nationsComma: () => fill('France, '),
  nationsAndLines: () => fill('France and Germany said a b c.', '\n'),
  realisticSeed: () => realistic(seed),
  realisticWeimar: () => realistic(weimar),
  realisticOneLine: () => realisticOneLine(weimar),
  stressedRep: () => 'France ' + fill('stressed '),
  refusedTo: () => 'France ' + fill('refused to '),
  ministerDotsName: () => fillGen((i) => `Minister A. B. ${caps[i % 7]}, `),
  upperInitials: () => fill('A. '),
  upperInitialsNoSpace: () => fill('A.'),
  orgHeadFirst: () => 'a b c ' + fill('Council of '),
  orgHeadFirstCaps: () => 'a b c Council of ' + fillGen((i) => `${caps[i % 7]} and `),
  capsGroup: () => 'a b c ' + fillGen((i) => `${caps[i % 7]} `),
  apostrophes: () => 'a b c ' + fill("A'a-"),
  hyphens: () => 'a b c ' + fill('A-'),
  headquarters: () => 'a b c ' + fill('Aaaa Bbbb '),
  countryCount: () => fill('some 20 countries '),
  weSaid: () => fill('"We a b c," he said. '),
  heSaidThat: () => fill('He said that a b c, '),
  asides: () => 'France' + fill(', led by France,') + ' said a b c',
  asideOpen: () => 'France' + fill(', led by France') + ' said a b c',
  commaSpaceRep: () => 'France said ' + fill(', '),
  theTwoRep: () => fill('the two '),
  theRep: () => 'France said ' + fill('the '),
  titleCommaName: () =>
    fillGen((i) => `minister to the ${caps[i % 7]} ${caps[(i + 1) % 7]} ${caps[(i + 2) % 7]} `),
  ambassadorTo: () => 'a b c ' + fill('ambassador to the Aaaa '),
  nameThenVerbGap: () => 'Aaaa Bbbb ' + fill('also ') + 'x',
  nameOnDay: () => 'Aaaa Bbbb ' + fill('on Monday ') + 'x',
  leadIn: () => 'he said ' + fill('aa ') + '"a b c d"',
  leadInThat: () => 'he said that ' + fill('aa, ') + '"a b c d"',
  leadInQuotes: () => fill('he said that aa bb "a b c d" '),
  quotesWithSaid: () => fill('"a b c d," Aaaa Bbbb said, '),
  possessive: () => fill("France's "),
  dashes: () => 'a b c ' + fill(' - '),
  tabs: () => 'a b c ' + fill('\t'),
  spacesOnly: () => 'a b c ' + ' '.repeat(N - 10),
  spacesThenX: () => 'a b c ' + ' '.repeat(N - 12) + 'x',
  newlines: () => 'a b c ' + '\n'.repeat(N - 10),
  crlfLines: () => fill('France said a b c.', '\r\n'),
  mixed: () =>
    fillGen(
      (i) =>
        `${caps[i % 7]} ${caps[(i + 3) % 7]}, ${['the', 'a', ''][i % 3]} French foreign minister, said on Monday that "a b c" `,
    ),
  trailingLower: () => 'Aaaa Bbbb, ' + fill('aaaa '),
  ourQuote: () => 'Aaaa Bbbb said: "Our ' + fill('aaa ') + '"',
  digits: () => 'a b c ' + fill('1234 '),
  dates2: () => 'They met on ' + fill('3 March 2025, '),
};
const H = 'Headline here\n';
const lines = (gen: (i: number) => string) => H + fillGen((i) => gen(i) + '\n');
Object.assign(CASES, {
  initialsValid: () => 'a b c ' + fill('A. '),
  usDots: () => 'a b c ' + fill('U.S. '),
  usDotsSentences: () => fill('The U.S. said a b c. '),
  metMondayBody: () => H + 'France ' + fill('met on Monday ') + '.',
  willMeetBody: () => H + 'France ' + fill('will meet on Monday and ') + '.',
  meetingLines: () => lines((i) => `France met Germany on Monday in Paris ${i}.`),
  meetingManyTriggers: () =>
    H +
    fillGen(
      (i) => `France met Germany at the summit talks meeting on ${['Monday', 'Tuesday', 'Friday'][i % 3]}, `,
    ) +
    '.',
  meetingDatesMany: () => H + 'They met ' + fill('on 3 March 2025 and ') + '.',
  stanceLinesSameTopic: () => lines((i) => `On line ${i} France stressed unity.`),
  stanceLinesDistinct: () => lines((i) => `France stressed unity number ${i}.`),
  paraphraseLines: () => lines((i) => `France said that a b c d e f g ${i}.`),
  quoteLines: () => lines((i) => `"We will act now on ${i}," Aaaa Bbbb said.`),
  quoteLinesPronoun: () =>
    H + 'Aaaa Bbbb said a b c.\n' + fillGen((i) => `"We will act now on ${i}," he said.\n`),
  stanceOneSentence: () => H + 'France ' + fill('stressed unity, ') + '.',
  stanceManyHolders: () => H + fill('France and ') + 'Germany stressed unity.',
  manyOfficials: () =>
    lines(
      (i) =>
        `Defence Minister ${caps[i % 7]}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (((i / 26) | 0) % 26))} ${caps[(i + 1) % 7]} said a b c d e f.`,
    ),
  manyOrgs: () =>
    lines(
      (i) =>
        `The ${caps[i % 7]}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (((i / 26) | 0) % 26))} Group said a b c d e.`,
    ),
  theCoalition: () => H + 'The Aaaa Coalition met. ' + fill('the coalition ') + '.',
  theCoalitionLines: () =>
    H + 'The Aaaa Coalition met on Monday.\n' + fillGen(() => 'The coalition stressed unity.\n'),
  itPronounLines: () => lines(() => 'France met. It stressed unity.'),
  theTwoLines: () => lines((i) => `Defence Minister Aaaa Bb${i} met. The two stressed unity.`),
  theyLines: () => lines(() => 'France and Germany met. They stressed unity.'),
  counterpartLines: () =>
    lines(
      (i) =>
        `Defence Minister Aaaa Bbbb and his French counterpart Cccc Dd${String.fromCharCode(97 + (i % 26))} met on Monday.`,
    ),
  headquartersLines: () => lines((i) => `They met at NATO Headquarters ${i}.`),
});
const uniq = (i: number) =>
  'Q' +
  String.fromCharCode(97 + (i % 26)) +
  String.fromCharCode(97 + (((i / 26) | 0) % 26)) +
  String.fromCharCode(97 + (((i / 676) | 0) % 26)) +
  'x';
Object.assign(CASES, {
  manyOfficialsOneLine: () => H + fillGen((i) => `Defence Minister ${uniq(i)} Bbbb said a b c. `),
  manyOrgsOneLine: () => H + fillGen((i) => `The ${uniq(i)} Group met a b c. `),
  surnamesOneLine: () => H + 'Defence Minister Aaaa Bbbb said a b c. ' + fill('Bbbb said a b c. '),
  metMondayShortSentences: () => H + fill('France met on Monday. '),
  stanceShortSentencesOneLine: () => H + fillGen((i) => `On day ${i} France stressed unity. `),
});
