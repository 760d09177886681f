/**
 * The corroboration filters (src/modules/corroboration/): what each value means, which values are
 * refused before any Cypher runs, and the conditions the listings get, values only as parameters.
 */
import { ErrorCode } from '../../src/errors';
import { corroborationCriteria } from '../../src/modules/corroboration/corroboration-criteria';
import { corroborationConditions } from '../../src/modules/corroboration/corroboration-filter.cypher';
import { namedListing } from '../../src/modules/common/named-listing.cypher';
import { positionsQuery } from '../../src/modules/position/position.cypher';
import { Reliability } from '../../src/modules/reliability/reliability.type';
import { Label } from '../../src/graph/model';

function refusal(run: () => unknown): { code: unknown; message: string; argument: unknown } {
  try {
    run();
  } catch (error) {
    const e = error as { message: string; extensions: Record<string, unknown> };
    return { code: e.extensions.code, message: e.message, argument: e.extensions.argument };
  }
  throw new Error('expected a refusal');
}

describe('corroborationCriteria', () => {
  it('gives no criterion for an absent filter, F or credibility 6 (they keep everything)', () => {
    const none = { minSources: null, grades: null, maxCredibility: null };
    expect(corroborationCriteria(null)).toEqual(none);
    expect(corroborationCriteria({ minReliability: Reliability.F, maxCredibility: 6 })).toEqual(none);
  });

  it('reads a grade as that grade or better', () => {
    expect(corroborationCriteria({ minReliability: Reliability.A }).grades).toEqual(['A']);
    expect(corroborationCriteria({ minReliability: Reliability.C }).grades).toEqual(['A', 'B', 'C']);
  });

  it.each([0, -3])('refuses minSources %d, saying what it means', (minSources) => {
    const error = refusal(() => corroborationCriteria({ minSources }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.argument).toBe('filter.minSources');
    expect(error.message).toContain('must be 1 or more');
  });

  it.each([0, 7, -1])('refuses maxCredibility %d', (maxCredibility) => {
    const error = refusal(() => corroborationCriteria({ maxCredibility }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.argument).toBe('filter.maxCredibility');
    expect(error.message).toContain('between 1');
  });
});

describe('corroborationConditions', () => {
  it('reads absent counts as 0 and absent credibility as 6, values as parameters', () => {
    const { conditions, params } = corroborationConditions(
      corroborationCriteria({ minSources: 2, minReliability: Reliability.B, maxCredibility: 3 }),
    );
    expect(conditions).toEqual([
      'coalesce(n.sourceCount, 0) >= $minSources',
      expect.stringContaining('publisher.reliability IN $grades'),
      'coalesce(n.credibility, 6) <= $maxCredibility',
    ]);
    expect(params.grades).toEqual(['A', 'B']);
    expect(Number(params.minSources)).toBe(2);
    expect(Number(params.maxCredibility)).toBe(3);
  });

  it('puts minSources on the index-ordered read of a named listing, and on a name match', () => {
    const all = namedListing(Label.Nation, {}, corroborationCriteria({ minSources: 2 }));
    expect(all.indexedOrder?.where).toBe('coalesce(n.sourceCount, 0) >= $minSources');
    expect(all.match).toContain('WHERE coalesce(n.sourceCount, 0) >= $minSources');
    const named = namedListing(Label.Nation, { name: 'Kyiv' }, corroborationCriteria({ minSources: 2 }));
    expect(named.match).toMatch(/WHERE n:Nation AND coalesce\(n\.sourceCount, 0\) >= \$minSources$/);
    expect(Object.keys(named.params ?? {}).sort()).toEqual(['minSources', 'name']);
  });

  it('joins a fact listing after its anchors', () => {
    const spec = positionsQuery({
      stances: null,
      holder: 'nation:usa',
      topic: null,
      corroboration: corroborationCriteria({ maxCredibility: 2 }),
    });
    expect(spec.match).toContain('WITH DISTINCT n WHERE coalesce(n.credibility, 6) <= $maxCredibility');
  });
});
