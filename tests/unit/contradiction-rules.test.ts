/**
 * The rules that decide contradictions (src/modules/contradiction/contradiction.rules.ts) and the
 * runs of a stance history (src/modules/stance-history/stance-runs.ts), on plain values.
 */
import {
  conflictGroups,
  daysApart,
  daysBetweenSpans,
  figuresAgree,
  groupIntoSides,
  oppositeStancePairs,
  placesAgree,
  spanOf,
  stancesOppose,
} from '../../src/modules/contradiction/contradiction.rules';
import { attestedRole, officesConflict } from '../../src/modules/contradiction/contradiction.service';
import { Stance } from '../../src/modules/position/position.type';
import { stanceRuns } from '../../src/modules/stance-history/stance-runs';

const exact = (number: number) => ({ number, approximate: false });
const around = (number: number) => ({ number, approximate: true });

describe('figuresAgree', () => {
  it('exact numbers agree only when equal', () => {
    expect(figuresAgree(exact(30), exact(30))).toBe(true);
    expect(figuresAgree(exact(30), exact(31))).toBe(false);
  });

  it('an approximate number agrees with any within 10 % of it, either way round', () => {
    expect(figuresAgree(around(50), exact(55))).toBe(true);
    expect(figuresAgree(exact(45), around(50))).toBe(true);
    expect(figuresAgree(around(50), exact(56))).toBe(false);
    expect(figuresAgree(around(50), around(44))).toBe(false);
    expect(figuresAgree(around(50), around(54))).toBe(true);
  });
});

describe('placesAgree', () => {
  const enclosing = new Map([
    ['place:nato-headquarters', new Set(['place:brussels'])],
    ['place:evere', new Set(['place:brussels'])],
  ]);

  it('agrees when one place lies within the other, either way round', () => {
    expect(placesAgree('place:nato-headquarters', 'place:brussels', enclosing)).toBe(true);
    expect(placesAgree('place:brussels', 'place:nato-headquarters', enclosing)).toBe(true);
    expect(placesAgree('place:brussels', 'place:brussels', enclosing)).toBe(true);
  });

  it('two places within a third are still two places', () => {
    expect(placesAgree('place:nato-headquarters', 'place:evere', enclosing)).toBe(false);
    expect(placesAgree('place:brussels', 'place:paris', enclosing)).toBe(false);
  });
});

describe('stancesOppose', () => {
  it.each([
    [Stance.SUPPORTS, Stance.OPPOSES],
    [Stance.STRESSES, Stance.REFUSES],
    [Stance.PLEDGES, Stance.OPPOSES],
    [Stance.PLEDGES, Stance.HESITANT],
    [Stance.REFUSES, Stance.SUPPORTS],
  ])('%s against %s', (a, b) => expect(stancesOppose(a, b)).toBe(true));

  it.each([
    [Stance.SUPPORTS, Stance.STRESSES],
    [Stance.SUPPORTS, Stance.HESITANT],
    [Stance.OPPOSES, Stance.REFUSES],
    [Stance.HESITANT, Stance.REFUSES],
  ])('not %s against %s', (a, b) => expect(stancesOppose(a, b)).toBe(false));

  it('offers every opposite pair once to the read that narrows candidates', () => {
    const pairs = oppositeStancePairs();
    expect(pairs).toHaveLength(7);
    for (const [a, b] of pairs) expect(stancesOppose(a, b)).toBe(true);
  });
});

describe('officesConflict', () => {
  const role = (id: string, title: string, date: string, sources: string[], nation = 'nation:nor') =>
    attestedRole({
      fact: { id, title, asOf: date },
      nation,
      organization: null,
      evidence: sources.map((sourceId, start) => ({ id: `${id}-${start}`, excerpt: title, start, sourceId })),
    });

  it('two titles of one nation within 30 days from different sources conflict', () => {
    const defence = role('role:a', 'Defence Minister', '2025-06-01', ['source:a']);
    expect(officesConflict(defence, role('role:b', 'Foreign Minister', '2025-06-30', ['source:b']))).toBe(
      true,
    );
    expect(officesConflict(defence, role('role:b', 'Foreign Minister', '2025-07-02', ['source:b']))).toBe(
      false,
    );
  });

  it('synonymous titles are one office (the import rule: Secretary/Minister, Defence/Defense)', () => {
    const defence = role('role:a', 'Defence Minister', '2025-06-01', ['source:a']);
    expect(officesConflict(defence, role('role:b', 'Defense Secretary', '2025-06-02', ['source:b']))).toBe(
      false,
    );
    expect(officesConflict(defence, role('role:b', 'Minister of Defence', '2025-06-02', ['source:b']))).toBe(
      false,
    );
  });

  it('a source naming both means two offices at once; another nation is another office', () => {
    const defence = role('role:a', 'Defence Minister', '2025-06-01', ['source:a']);
    expect(
      officesConflict(defence, role('role:b', 'Trade Minister', '2025-06-01', ['source:a', 'source:c'])),
    ).toBe(false);
    expect(
      officesConflict(defence, role('role:b', 'Trade Minister', '2025-06-01', ['source:b'], 'nation:swe')),
    ).toBe(false);
  });
});

describe('dates', () => {
  it('counts days either way and between spans (0 when they overlap)', () => {
    expect(daysApart('2025-05-01', '2025-05-31')).toBe(30);
    expect(daysApart('2025-05-31', '2025-05-01')).toBe(30);
    const may = spanOf(['2025-05-10', null, '2025-05-01'])!;
    expect(may).toEqual({ from: '2025-05-01', until: '2025-05-10' });
    expect(daysBetweenSpans(may, spanOf(['2025-05-05'])!)).toBe(0);
    expect(daysBetweenSpans(may, spanOf(['2025-06-10'])!)).toBe(31);
    expect(spanOf([null, undefined])).toBeNull();
  });
});

describe('groupIntoSides', () => {
  it('puts values that all agree on one side, so two sides mean some two values disagree', () => {
    const values = [exact(52), around(50), exact(30), around(45)];
    const sides = groupIntoSides(values, figuresAgree);
    expect(sides).toEqual([[exact(52), around(50)], [exact(30)], [around(45)]]);
    expect(groupIntoSides([exact(50), around(50), around(52)], figuresAgree)).toHaveLength(1);
  });
});

describe('conflictGroups', () => {
  const conflict = (a: number, b: number) => Math.abs(a - b) === 1;

  it('links chains of conflicting items and leaves out items in no conflict', () => {
    expect(conflictGroups([1, 2, 3, 10, 20, 21], conflict)).toEqual([
      [1, 2, 3],
      [20, 21],
    ]);
    expect(conflictGroups([1, 5, 9], conflict)).toEqual([]);
  });
});

describe('stanceRuns', () => {
  const at = (stance: string, reported: string | null, item: string) => ({ stance, reported, item });

  it('starts a new run each time the stance changes, and extends a run while it holds', () => {
    expect(
      stanceRuns([
        at('SUPPORTS', '2025-01-01', 'a'),
        at('SUPPORTS', '2025-02-01', 'b'),
        at('OPPOSES', '2025-03-01', 'c'),
        at('SUPPORTS', '2025-04-01', 'd'),
      ]),
    ).toEqual([
      { stance: 'SUPPORTS', from: '2025-01-01', until: '2025-02-01', items: ['a', 'b'] },
      { stance: 'OPPOSES', from: '2025-03-01', until: '2025-03-01', items: ['c'] },
      { stance: 'SUPPORTS', from: '2025-04-01', until: '2025-04-01', items: ['d'] },
    ]);
  });

  it('is empty for no positions', () => {
    expect(stanceRuns([])).toEqual([]);
  });
});
