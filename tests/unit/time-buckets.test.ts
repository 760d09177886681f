/** The calendar of `timeSeries` (modules/statistics/time-buckets.ts), without a database. */
import {
  buildTimeBuckets,
  largestGroups,
  MAX_TIME_BUCKETS,
  timeBucketCount,
  type DayCount,
} from '../../src/modules/statistics/time-buckets';

function spans(buckets: { start: string; end: string; count: number }[]) {
  return buckets.map((bucket) => [bucket.start, bucket.end, bucket.count]);
}

describe('buildTimeBuckets', () => {
  it('lists every day of an inclusive range, empty days with 0', () => {
    const days: DayCount[] = [{ day: '2025-04-10', count: 2, groups: [] }];
    expect(spans(buildTimeBuckets('2025-04-09', '2025-04-11', 'DAY', days))).toEqual([
      ['2025-04-09', '2025-04-09', 0],
      ['2025-04-10', '2025-04-10', 2],
      ['2025-04-11', '2025-04-11', 0],
    ]);
  });

  it('counts both edge days of the range', () => {
    const days: DayCount[] = [
      { day: '2025-01-01', count: 1, groups: [] },
      { day: '2025-03-31', count: 4, groups: [] },
    ];
    const buckets = buildTimeBuckets('2025-01-01', '2025-03-31', 'MONTH', days);
    expect(spans(buckets)).toEqual([
      ['2025-01-01', '2025-01-31', 1],
      ['2025-02-01', '2025-02-28', 0],
      ['2025-03-01', '2025-03-31', 4],
    ]);
    expect(buckets.map((bucket) => bucket.label)).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('clips the first and last months to the range', () => {
    expect(spans(buildTimeBuckets('2024-02-15', '2024-03-10', 'MONTH', []))).toEqual([
      ['2024-02-15', '2024-02-29', 0],
      ['2024-03-01', '2024-03-10', 0],
    ]);
  });

  it('cuts ISO weeks Monday to Sunday across a year boundary, labelled by ISO week-year', () => {
    // 2024-12-28 is a Saturday; 2024-12-30 (Monday) starts ISO week 1 of 2025.
    const days: DayCount[] = [
      { day: '2024-12-29', count: 1, groups: [] },
      { day: '2024-12-30', count: 2, groups: [] },
      { day: '2025-01-05', count: 3, groups: [] },
      { day: '2025-01-06', count: 5, groups: [] },
    ];
    const buckets = buildTimeBuckets('2024-12-28', '2025-01-07', 'WEEK', days);
    expect(spans(buckets)).toEqual([
      ['2024-12-28', '2024-12-29', 1],
      ['2024-12-30', '2025-01-05', 5],
      ['2025-01-06', '2025-01-07', 5],
    ]);
    expect(buckets.map((bucket) => bucket.label)).toEqual(['2024-W52', '2025-W01', '2025-W02']);
  });

  it('labels the 53rd ISO week of a long year', () => {
    // 2020 has 53 ISO weeks; its last (Mon 2020-12-28 to Sun 2021-01-03) belongs to 2020.
    const [bucket] = buildTimeBuckets('2020-12-28', '2021-01-03', 'WEEK', []);
    expect(bucket).toMatchObject({ start: '2020-12-28', end: '2021-01-03', label: '2020-W53' });
  });

  it('cuts calendar years, clipped to the range', () => {
    expect(spans(buildTimeBuckets('2023-06-01', '2025-02-01', 'YEAR', []))).toEqual([
      ['2023-06-01', '2023-12-31', 0],
      ['2024-01-01', '2024-12-31', 0],
      ['2025-01-01', '2025-02-01', 0],
    ]);
  });

  it('sums groups by key over the days of a bucket, largest first, ties by key', () => {
    const days: DayCount[] = [
      {
        day: '2025-04-07',
        count: 2,
        groups: [
          { key: 'nation:gbr', label: 'United Kingdom', count: 1 },
          { key: 'nation:fra', label: 'France', count: 2 },
        ],
      },
      { day: '2025-04-09', count: 1, groups: [{ key: 'nation:gbr', label: 'United Kingdom', count: 1 }] },
      { day: '2025-04-10', count: 1, groups: [{ key: 'nation:deu', label: 'Germany', count: 1 }] },
    ];
    const [bucket] = buildTimeBuckets('2025-04-07', '2025-04-13', 'WEEK', days);
    expect(bucket.count).toBe(4);
    expect(bucket.groups).toEqual([
      { key: 'nation:fra', label: 'France', count: 2 },
      { key: 'nation:gbr', label: 'United Kingdom', count: 2 },
      { key: 'nation:deu', label: 'Germany', count: 1 },
    ]);
    expect(bucket.groupsLeftOut).toBe(0);
  });

  it('keeps the largest groups of a bucket and says how many it left out', () => {
    const groups = ['a', 'b', 'c', 'd'].map((key, index) => ({ key, label: null, count: index + 1 }));
    const [bucket] = buildTimeBuckets(
      '2025-01-01',
      '2025-01-01',
      'DAY',
      [{ day: '2025-01-01', count: 4, groups }],
      2,
    );
    expect(bucket.groups.map((group) => group.key)).toEqual(['d', 'c']);
    expect(bucket.groupsLeftOut).toBe(2);
  });

  it('ignores days outside the range rather than misplacing them', () => {
    const days: DayCount[] = [
      { day: '2025-03-31', count: 9, groups: [] },
      { day: '2025-05-01', count: 9, groups: [] },
    ];
    expect(spans(buildTimeBuckets('2025-04-01', '2025-04-30', 'MONTH', days))).toEqual([
      ['2025-04-01', '2025-04-30', 0],
    ]);
  });
});

describe('timeBucketCount', () => {
  it('agrees with the buckets built', () => {
    for (const interval of ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const) {
      expect(timeBucketCount('2023-11-15', '2025-02-03', interval)).toBe(
        buildTimeBuckets('2023-11-15', '2025-02-03', interval, []).length,
      );
    }
  });

  it('counts without building, so a huge range is refused cheaply', () => {
    expect(timeBucketCount('0001-01-01', '9999-12-31', 'DAY')).toBe(3_652_059);
    expect(timeBucketCount('2000-01-01', '2002-09-26', 'DAY')).toBe(MAX_TIME_BUCKETS);
  });
});

describe('largestGroups', () => {
  it('orders by count, then key', () => {
    const result = largestGroups(
      [
        { key: 'b', label: null, count: 1 },
        { key: 'a', label: null, count: 1 },
        { key: 'c', label: null, count: 3 },
      ],
      5,
    );
    expect(result.groups.map((group) => group.key)).toEqual(['c', 'a', 'b']);
    expect(result.left).toBe(0);
  });
});
