/**
 * The counting reads of `timeSeries` and `countBy` (modules/statistics/fact-counts.cypher.ts),
 * without a database: values only as parameters, labels and types only from graph/model, the
 * anchor each filter starts from, and the statement's shape pinned by a snapshot.
 */
import { Label } from '../../src/graph/model';
import {
  dailyFactCountsQuery,
  factCountsByGroupQuery,
  type FactCountCriteria,
} from '../../src/modules/statistics/fact-counts.cypher';
import { CountGrouping, FactMeasure } from '../../src/modules/statistics/statistics.type';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const NONE: FactCountCriteria = {
  measure: FactMeasure.MEETINGS,
  actor: null,
  topic: null,
  stance: null,
  from: null,
  to: null,
};
const RANGE = { from: '2025-01-01', to: '2025-03-31' };

describe('dailyFactCountsQuery', () => {
  it('carries every value as a parameter, whatever it holds (synthetic hostile values)', () => {
    for (const value of HOSTILE_VALUES) {
      const query = dailyFactCountsQuery(
        {
          ...NONE,
          measure: FactMeasure.POSITIONS,
          actor: { id: `nation:${value}`, label: Label.Nation },
          topic: `topic:${value}`,
          stance: value,
          ...RANGE,
        },
        CountGrouping.STANCE,
      );
      expectOnlyInParams(query, [`nation:${value}`, `topic:${value}`]);
      expectKnownVocabulary(query);
    }
  });

  it('starts from the actor when one is given, and filters the topic from there', () => {
    const actor = { id: 'nation:gbr', label: Label.Nation } as const;
    const undated = factCountsByGroupQuery(
      { ...NONE, actor, topic: 'topic:trade' },
      CountGrouping.NATION,
      100,
    );
    expect(undated.cypher.split('\n')[0]).toBe(
      'MATCH (:Nation {id: $actor})<-[:NATIONAL_OF*0..1]-(:Actor)-[:ATTENDED|CHAIRED]->(n:Meeting)',
    );
    expect(undated.cypher).toContain(
      'EXISTS { (:Topic {id: $topic})<-[:BROADER*0..5]-(:Topic)<-[:ABOUT]-(n) }',
    );
    // With dates, each of the actor's links is sought by (actorId, timelineKey).
    const dated = dailyFactCountsQuery({ ...NONE, actor, topic: 'topic:trade', ...RANGE }, null);
    expect(dated.cypher).toMatchSnapshot();
  });

  it('starts from the topic without an actor, else from the label and its date bounds', () => {
    const byTopic = dailyFactCountsQuery(
      { ...NONE, measure: FactMeasure.STATEMENTS, topic: 't', ...RANGE },
      null,
    );
    expect(byTopic.cypher.split('\n')[0]).toBe(
      'MATCH (:Topic {id: $topic})<-[:BROADER*0..5]-(:Topic)<-[:ABOUT]-(n:Statement)',
    );
    const plain = dailyFactCountsQuery({ ...NONE, ...RANGE }, null);
    expect(plain.cypher).toMatchSnapshot();
  });

  it('splits each day by group in one subquery', () => {
    expect(dailyFactCountsQuery({ ...NONE, ...RANGE }, CountGrouping.NATION).cypher).toMatchSnapshot();
  });
});

describe('factCountsByGroupQuery', () => {
  it('returns the largest groups, bounded by a parameter', () => {
    const query = factCountsByGroupQuery(
      { ...NONE, measure: FactMeasure.POSITIONS, stance: 'REFUSES' },
      CountGrouping.TOPIC,
      100,
    );
    expect(query.cypher).toMatchSnapshot();
    expect(query.params).toMatchObject({ stance: 'REFUSES' });
    expect(Number(query.params.limit)).toBe(100);
  });
});
