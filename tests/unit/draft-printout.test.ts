/**
 * The review `npm run draft` prints (src/extract/draft-printout.ts): each entity's decision (the
 * existing id, NEW, or AMBIGUOUS with its candidates) and each fact's kind, summary, confidence and
 * excerpt, quoted and shortened when long. A synthetic draft.
 */
import { formatReview, MAX_SHOWN_EXCERPT, shownExcerpt } from '../../src/extract/draft-printout';
import type { Draft } from '../../src/extract/draft.types';
import { FORMAT } from '../../src/ingest/document.format';

const TEXT = 'Jane Example met John Smith in Example City. "We agree," Example said.';

const draft: Draft = {
  document: {
    format: FORMAT,
    source: {
      id: 'source:2025-01-02-example-news-talks',
      title: 'Talks',
      publisher: 'Example News',
      publishedAt: '2025-01-02',
      text: TEXT,
    },
  } as Draft['document'],
  entities: [
    {
      id: 'official:jane-example',
      kind: 'OFFICIAL',
      name: 'Jane Example',
      decision: 'EXISTING',
      reason: 'name of official:jane-example',
      candidates: ['official:jane-example'],
      mentions: [
        { start: 0, end: 12, text: 'Jane Example' },
        { start: 57, end: 64, text: 'Example' },
      ],
    },
    {
      id: 'official:john-smith-2',
      kind: 'OFFICIAL',
      name: 'John Smith',
      decision: 'AMBIGUOUS',
      reason: 'two officials are named John Smith',
      candidates: ['official:john-smith', 'official:john-smith-uk'],
      mentions: [{ start: 17, end: 27, text: 'John Smith' }],
    },
    {
      id: 'place:example-city',
      kind: 'PLACE',
      name: 'Example City',
      decision: 'NEW',
      reason: 'no match in the graph',
      candidates: [],
      mentions: [{ start: 31, end: 43, text: 'Example City' }],
    },
  ],
  facts: [
    {
      id: 'statement:jane-example-we-agree',
      kind: 'STATEMENT',
      summary: 'Jane Example says "We agree,"',
      excerpt: '"We agree," Example said.',
      start: 45,
      end: 70,
      confidence: 0.9,
      actor: 'official:jane-example',
      statementKind: 'QUOTE',
    },
  ],
  warnings: ['no date for the meeting; left out'],
};

describe('formatReview', () => {
  const review = formatReview('talks.txt', draft, 'drafts/talks.draft.json').split('\n');

  it('heads the review with the file and the source id', () => {
    expect(review[0]).toBe('talks.txt: source:2025-01-02-example-news-talks');
  });

  it('shows each entity with its decision, id, reason and mentions, and the candidates to choose from', () => {
    expect(review).toContainEqual(
      expect.stringMatching(/EXISTING .*official:jane-example .*"Jane Example" .*\[2 mentions\]/),
    );
    expect(review).toContainEqual(
      expect.stringMatching(
        /AMBIGUOUS .*official:john-smith-2 .*candidates: official:john-smith, official:john-smith-uk \(choose one\)/,
      ),
    );
    expect(review).toContainEqual(
      expect.stringMatching(/NEW .*place:example-city .*no match in the graph .*\[1 mention\]/),
    );
  });

  it('shows each fact with its kind, confidence, summary and quoted excerpt, and the warnings', () => {
    const at = review.findIndex((line) => line.includes('STATEMENT'));
    expect(review[at]).toMatch(
      /STATEMENT +0\.90 +Jane Example says "We agree," +\(statement:jane-example-we-agree\)/,
    );
    expect(review[at + 1].trim()).toBe('""We agree," Example said." [45-70]');
    expect(review).toContain('  warnings (1)');
    expect(review).toContain('    - no date for the meeting; left out');
  });

  it('says where the document went, or that it was not written', () => {
    expect(review.at(-1)).toBe(
      '  wrote drafts/talks.draft.json: review it, then npm run import -- drafts/talks.draft.json',
    );
    expect(formatReview('talks.txt', draft, undefined).split('\n').at(-1)).toContain(
      'not written: add --out',
    );
  });
});

describe('shownExcerpt', () => {
  it('quotes a short excerpt whole, on one line', () => {
    expect(shownExcerpt('Two lines\nof text.')).toBe('"Two lines of text."');
  });

  it('keeps the start and end of a long one around an ellipsis', () => {
    const long = `Start ${'word '.repeat(100)}end.`;
    const shown = shownExcerpt(long);
    expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN_EXCERPT + 5);
    expect(shown).toMatch(/^"Start word .* … .*word end\."$/);
  });
});
