/**
 * The draft scorer (src/extract/evaluate.ts) on tiny hand-made drafts, so it is tested apart from
 * any extractor: what counts as the same quote, speaker, position, meeting and name, that each gold
 * item matches one draft item, and that every miss says why. SYNTHETIC: the people are made up.
 */
import { loadSeedCase, SEED_DOCUMENT } from '../../scripts/lib/draft-corpus';
import type { Draft, KnownEntity } from '../../src/extract/draft.types';
import { textOverlap, topicsMatch } from '../../src/extract/eval-text';
import { evaluate, FACT_ROWS, matchGreedy, poolScores, type Scores } from '../../src/extract/evaluate';
import { GoldSchema, type Gold } from '../../src/extract/gold.format';
import { DocumentSchema, FORMAT } from '../../src/ingest/document.format';
import { parseDocumentFile } from '../../src/ingest/document.validate';

const TEXT =
  'PARIS, 11 April. France and Germany met on Thursday. Minister Jane Example said: "We will keep supporting the example fund." ' +
  'Moscow said the fund was a waste. The United States backed the fund.';
const evidence = [{ excerpt: 'Minister Jane Example said' }];

/** A draft whose document holds `sections` (raw records, defaults filled in by the format). */
function draftOf(sections: Record<string, unknown[]>): Draft {
  const document = DocumentSchema.parse({
    format: FORMAT,
    source: { id: 'source:test', title: 'Test', publisher: 'Test', publishedAt: '2025-04-11', text: TEXT },
    ...sections,
  });
  return { document, entities: [], facts: [], warnings: [] };
}

function goldOf(fields: Partial<Record<keyof Gold, unknown>>): Gold {
  return GoldSchema.parse({
    synthetic: true,
    article: { title: 'Test', publisher: 'Test', publishedAt: '2025-04-11' },
    nations: [],
    ...fields,
  });
}

const janeExample = { name: 'Jane Example', aliases: ['Example'], office: 'Minister', nation: 'FRA' };
const official = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, evidence });
const nation = (iso3: string, name: string, aliases: string[] = []) => ({
  id: `nation:${iso3.toLowerCase()}`,
  name,
  aliases,
  iso3,
  evidence,
});
const quote = (id: string, speaker: string, text: string) => ({ id, kind: 'QUOTE', text, speaker, evidence });
const topic = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases });
const position = (id: string, holder: string, stance: string, topicId: string) => ({
  id,
  holder,
  stance,
  topic: topicId,
  summary: 'summary',
  evidence,
});
const meeting = (date: string, status: string) => ({
  id: `meeting:${date}-talks-${status.toLowerCase()}`,
  title: `Talks ${status}`,
  date,
  status,
  evidence,
});

const counts = (scores: Scores, row: keyof Scores) => {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = scores[row];
  return { tp, fp, fn };
};

describe('evaluate', () => {
  it("scores the seed's own reviewed document as a perfect draft of the seed", () => {
    const parsed = parseDocumentFile(SEED_DOCUMENT);
    if (!parsed.ok) throw new Error('the seed must validate');
    const scores = evaluate(
      { document: parsed.document, entities: [], facts: [], warnings: [] },
      loadSeedCase().gold,
    );
    for (const row of FACT_ROWS) {
      expect({ row, precision: scores[row].precision, recall: scores[row].recall }).toEqual({
        row,
        precision: 1,
        recall: 1,
      });
    }
    expect(counts(scores, 'positions')).toEqual({ tp: 9, fp: 0, fn: 0 });
  });

  it('gives an empty draft no precision where the gold has facts, and full marks where it has none', () => {
    const scores = evaluate(
      draftOf({}),
      goldOf({ nations: ['FRA'], quotes: [{ speaker: 'France', text: 'Yes.' }] }),
    );
    expect(scores.quotes).toMatchObject({
      truePositives: 0,
      falseNegatives: 1,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(scores.nations).toMatchObject({ precision: 0, recall: 0 });
    expect(scores.meetings).toMatchObject({ precision: 1, recall: 1 });
  });

  it('matches a quote whatever its case and quotation marks, its speaker by an alias or, failing that, the surname', () => {
    const gold = goldOf({
      officials: [{ name: 'Jane Example', aliases: ['J. Example'] }],
      quotes: [
        { speaker: 'Jane Example', text: 'We will keep supporting the example fund.' },
        { speaker: 'Jane Example', text: 'The fund is working' },
      ],
    });
    const draft = draftOf({
      officials: [
        official('official:j-example', 'J. Example'), // an alias of the gold's
        official('official:minister-example', 'Minister Example'), // only the surname in common
      ],
      statements: [
        quote('statement:a', 'official:j-example', '“we will keep supporting the Example fund”'),
        quote('statement:b', 'official:minister-example', "'The fund is working,'"),
      ],
    });
    expect(counts(evaluate(draft, gold), 'quotes')).toEqual({ tp: 2, fp: 0, fn: 0 });
    const otherSurname = draftOf({
      officials: [official('official:jane-sample', 'Jane Sample')],
      statements: [quote('statement:b', 'official:jane-sample', 'The fund is working')],
    });
    expect(counts(evaluate(otherSurname, gold), 'quotes')).toEqual({ tp: 0, fp: 1, fn: 2 });
  });

  it('counts a quote given to the wrong speaker under "right text" only, and says whom the draft gave it to', () => {
    const gold = goldOf({
      officials: [janeExample],
      quotes: [{ speaker: 'Jane Example', text: 'We will keep supporting the example fund.' }],
    });
    const draft = draftOf({
      officials: [official('official:john-other', 'John Other')],
      statements: [quote('statement:a', 'official:john-other', 'We will keep supporting the example fund.')],
    });
    const scores = evaluate(draft, gold);
    expect(counts(scores, 'quotesText')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts(scores, 'quotes')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scores.quotes.missed[0].why).toBe('drafted, but attributed to John Other');
    expect(scores.quotes.spurious[0].why).toBe('the gold attributes it to Jane Example');
  });

  it("needs 0.8 of the longer quote's words: a quote cut short or run on into the next sentence is no match", () => {
    const full = 'one two three four five six seven eight nine ten';
    expect(textOverlap(full, 'one two three four five six seven eight nine')).toBeCloseTo(0.9);
    expect(textOverlap(full, 'one two three four five six seven')).toBeCloseTo(0.7);
    expect(textOverlap(full, `${full} eleven twelve thirteen`)).toBeCloseTo(10 / 13);
    const gold = goldOf({ officials: [janeExample], quotes: [{ speaker: 'Jane Example', text: full }] });
    const draftWith = (text: string) =>
      draftOf({
        officials: [official('official:jane-example', 'Jane Example')],
        statements: [quote('statement:a', 'official:jane-example', text)],
      });
    expect(
      evaluate(draftWith('one two three four five six seven eight nine'), gold).quotes.truePositives,
    ).toBe(1);
    expect(evaluate(draftWith('one two three four five six seven'), gold).quotes.truePositives).toBe(0);
  });

  it('matches each gold item at most once: the same quote drafted twice is one true and one false positive', () => {
    const gold = goldOf({
      officials: [janeExample],
      quotes: [{ speaker: 'Jane Example', text: 'The fund works.' }],
    });
    const draft = draftOf({
      officials: [official('official:jane-example', 'Jane Example')],
      statements: [
        quote('statement:a', 'official:jane-example', 'The fund works.'),
        quote('statement:b', 'official:jane-example', 'The fund works'),
      ],
    });
    expect(counts(evaluate(draft, gold), 'quotes')).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('matches nations by ISO code, whatever name, short form or capital the draft gives them', () => {
    const gold = goldOf({
      nations: ['USA', 'RUS', 'FRA'],
      positions: [
        { holder: 'United States', stance: 'SUPPORTS', topic: 'Example fund', excerpt: 'backed the fund' },
        { holder: 'Russia', stance: 'OPPOSES', topic: 'Example fund', excerpt: 'Moscow said' },
      ],
    });
    const draft = draftOf({
      nations: [nation('USA', 'U.S.'), nation('RUS', 'Moscow'), nation('DEU', 'Germany')],
      topics: [topic('topic:example-fund', 'Example fund')],
      positions: [
        position('position:a', 'nation:usa', 'SUPPORTS', 'topic:example-fund'),
        position('position:b', 'nation:rus', 'OPPOSES', 'topic:example-fund'),
      ],
    });
    const scores = evaluate(draft, gold);
    expect(counts(scores, 'nations')).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(scores.nations.missed).toEqual([{ item: 'FRA', why: 'not drafted' }]);
    expect(counts(scores, 'positions')).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('looks up an existing id the document refers to without defining it in the known list', () => {
    const gold = goldOf({
      officials: [janeExample],
      quotes: [{ speaker: 'Jane Example', text: 'The fund works.' }],
    });
    const draft = draftOf({ statements: [quote('statement:a', 'official:graph-0042', 'The fund works.')] });
    const known: KnownEntity[] = [
      {
        id: 'official:graph-0042',
        kind: 'OFFICIAL',
        name: 'Jane Example',
        aliases: [],
        nation: 'nation:fra',
      },
    ];
    expect(evaluate(draft, gold, known).quotes.truePositives).toBe(1);
    expect(evaluate(draft, gold).quotes.truePositives).toBe(0);
  });

  it('scores a position by holder and stance, and separately with its topic (name, alias or shared words)', () => {
    const gold = goldOf({
      officials: [janeExample],
      positions: [
        {
          holder: 'Jane Example',
          stance: 'SUPPORTS',
          topic: 'Example fund',
          topicAliases: ['the fund'],
          excerpt: 'supporting the example fund',
        },
        {
          holder: 'Jane Example',
          stance: 'STRESSES',
          topic: 'Security guarantees for Ukraine',
          excerpt: 'said',
        },
        { holder: 'Jane Example', stance: 'OPPOSES', topic: 'US involvement', excerpt: 'said' },
      ],
    });
    const draft = draftOf({
      officials: [official('official:jane-example', 'Jane Example')],
      topics: [
        topic('topic:fund', 'The Fund'),
        topic('topic:guarantee', 'security guarantee'),
        topic('topic:backstop', 'US security backstop'),
      ],
      positions: [
        position('position:a', 'official:jane-example', 'SUPPORTS', 'topic:fund'),
        position('position:b', 'official:jane-example', 'STRESSES', 'topic:guarantee'),
        position('position:c', 'official:jane-example', 'OPPOSES', 'topic:backstop'),
      ],
    });
    const scores = evaluate(draft, gold);
    expect(counts(scores, 'positionsHolderStance')).toEqual({ tp: 3, fp: 0, fn: 0 });
    expect(counts(scores, 'positions')).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(scores.positions.missed[0]).toEqual({
      item: 'Jane Example OPPOSES US involvement',
      why: 'Jane Example OPPOSES drafted for other topics: US security backstop',
    });
    expect(topicsMatch(['US involvement'], ['American involvement'])).toBe(true);
    expect(topicsMatch(['Sanctions against Russia'], ['energy'])).toBe(false);
  });

  it('says when a position was drafted with another stance or for another holder', () => {
    const gold = goldOf({
      officials: [janeExample],
      nations: ['FRA'],
      positions: [
        { holder: 'Jane Example', stance: 'PLEDGES', topic: 'Example fund', excerpt: 'said' },
        { holder: 'France', stance: 'HESITANT', topic: 'Example fund', excerpt: 'said' },
      ],
    });
    const draft = draftOf({
      officials: [official('official:jane-example', 'Jane Example')],
      nations: [nation('DEU', 'Germany')],
      topics: [topic('topic:fund', 'Example fund')],
      positions: [
        position('position:a', 'official:jane-example', 'SUPPORTS', 'topic:fund'),
        position('position:b', 'nation:deu', 'HESITANT', 'topic:fund'),
      ],
    });
    expect(evaluate(draft, gold).positionsHolderStance.missed.map((finding) => finding.why)).toEqual([
      'drafted for Jane Example only as SUPPORTS',
      'drafted with holder Germany',
    ]);
  });

  it('scores meetings by date, and by date and status; a span ("next week") accepts any day in it', () => {
    const gold = goldOf({
      meetings: [
        { date: '2025-04-10', status: 'HELD', excerpt: 'met on Thursday' },
        { date: '2025-04-14', dateLatest: '2025-04-20', status: 'SCHEDULED', excerpt: 'will meet next week' },
      ],
    });
    const draft = draftOf({
      meetings: [meeting('2025-04-10', 'SCHEDULED'), meeting('2025-04-16', 'SCHEDULED')],
    });
    const scores = evaluate(draft, gold);
    expect(counts(scores, 'meetingsDate')).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(counts(scores, 'meetings')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(scores.meetings.missed[0].why).toBe('drafted on that date as SCHEDULED ("Talks SCHEDULED")');
  });

  it('matches a paraphrase by speaker and by how much of the gold excerpt its evidence covers', () => {
    const gold = goldOf({
      nations: ['RUS'],
      paraphrases: [{ speaker: 'Russia', excerpt: 'Moscow said the fund was a waste.' }],
    });
    const paraphraseBy = (speaker: string, excerpt: string) =>
      draftOf({
        nations: [nation('RUS', 'Russia', ['Moscow']), nation('USA', 'United States')],
        statements: [{ id: 'statement:p', kind: 'PARAPHRASE', text: 'x', speaker, evidence: [{ excerpt }] }],
      });
    const whole = 'Moscow said the fund was a waste. The United States backed the fund.';
    expect(evaluate(paraphraseBy('nation:rus', whole), gold).paraphrases.truePositives).toBe(1);
    expect(
      evaluate(paraphraseBy('nation:rus', 'The United States backed the fund.'), gold).paraphrases
        .truePositives,
    ).toBe(0);
    const wrongSpeaker = evaluate(paraphraseBy('nation:usa', whole), gold).paraphrases;
    expect(wrongSpeaker.missed[0].why).toBe('drafted from this text, but attributed to United States');
  });

  it('matches officials and organizations by folded name or alias: accents, case and a leading "the" ignored', () => {
    const gold = goldOf({
      officials: [{ name: 'Antti Häkkänen', aliases: ['Hakkanen'] }, janeExample],
      organizations: [{ name: 'Coalition of the willing' }, { name: 'NATO' }],
    });
    const draft = draftOf({
      officials: [
        official('official:antti-hakkanen', 'Antti Hakkanen'),
        official('official:paul-smith', 'Paul Smith'),
      ],
      organizations: [
        { id: 'organization:cotw', name: 'The Coalition of the Willing', kind: 'COALITION', evidence },
        { id: 'organization:ukraine', name: 'Ukraine', kind: 'OTHER', evidence },
      ],
    });
    const scores = evaluate(draft, gold);
    expect(counts(scores, 'officials')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(counts(scores, 'organizations')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(scores.organizations.spurious).toEqual([
      { item: 'Ukraine', why: "a nation's name, drafted as organization" },
    ]);
  });
});

describe('poolScores and matchGreedy', () => {
  it('pools articles by summing their counts (micro-average)', () => {
    const gold = goldOf({ nations: ['FRA', 'DEU'] });
    const one = evaluate(draftOf({ nations: [nation('FRA', 'France')] }), gold);
    const two = evaluate(
      draftOf({ nations: [nation('FRA', 'France'), nation('DEU', 'Germany'), nation('ITA', 'Italy')] }),
      gold,
    );
    const pooled = poolScores([one, two]);
    expect(counts(pooled, 'nations')).toEqual({ tp: 3, fp: 1, fn: 1 });
    expect(pooled.nations.precision).toBeCloseTo(0.75);
    expect(pooled.nations.recall).toBeCloseTo(0.75);
    expect(pooled.nations.missed).toEqual([{ item: 'DEU', why: 'not drafted' }]);
  });

  it('takes the best-scoring pairs first, each item once', () => {
    const result = matchGreedy([10, 20], [19, 11, 50], (gold, draft) =>
      Math.abs(gold - draft) <= 10 ? -Math.abs(gold - draft) : null,
    );
    expect(result.pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result.unmatchedDraft).toEqual([2]);
  });
});
