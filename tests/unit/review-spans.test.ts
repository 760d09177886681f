/**
 * The review page's highlights (src/web/review/spans.ts): the text is cut at every fact's span
 * ends, so overlapping facts show as one run of marks over text rendered once, each piece knowing
 * its facts; a click on shared text means the fact with the shortest span.
 */
import { innermostFact, segmentText, type FactSpan } from '../../src/web/review/spans';

const text = 'Alpha said beta. Gamma agreed.';
const spans: FactSpan[] = [
  { id: 'sentence', start: 0, end: 16 }, // "Alpha said beta."
  { id: 'quote', start: 11, end: 15 }, // "beta"
  { id: 'second', start: 17, end: 30 }, // "Gamma agreed."
];

describe('segmentText', () => {
  it('covers the text once, in order, each piece with the facts over it', () => {
    const segments = segmentText(text.length, spans);
    expect(segments.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    expect(segments.map((s) => [text.slice(s.start, s.end), s.factIds])).toEqual([
      ['Alpha said ', ['sentence']],
      ['beta', ['sentence', 'quote']],
      ['.', ['sentence']],
      [' ', []],
      ['Gamma agreed.', ['second']],
    ]);
  });

  it("joins a fact's pieces back into exactly its span", () => {
    const segments = segmentText(text.length, spans);
    for (const span of spans) {
      const own = segments.filter((s) => s.factIds.includes(span.id)).map((s) => text.slice(s.start, s.end));
      expect(own.join('')).toBe(text.slice(span.start, span.end));
    }
  });

  it('leaves out spans that are empty or outside the text, and gives plain text with no spans', () => {
    const bad = [
      { id: 'past-the-end', start: 20, end: 99 },
      { id: 'empty', start: 3, end: 3 },
      { id: 'negative', start: -1, end: 4 },
    ];
    expect(segmentText(text.length, bad)).toEqual([{ start: 0, end: text.length, factIds: [] }]);
    expect(segmentText(0, [])).toEqual([]);
  });
});

describe('innermostFact', () => {
  it('picks the shortest span among the facts covering a piece', () => {
    expect(innermostFact(['sentence', 'quote'], spans)).toBe('quote');
    expect(innermostFact(['second'], spans)).toBe('second');
    expect(innermostFact([], spans)).toBeUndefined();
  });
});
