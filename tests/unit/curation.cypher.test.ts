/**
 * The merge's and the editors' statements (src/modules/curation, src/modules/reliability): labels
 * and types only from graph/model, every value a parameter, integers sent as integers. Synthetic.
 */
import { isInt } from 'neo4j-driver';
import { Label, Rel } from '../../src/graph/model';
import { propertiesParam } from '../../src/graph/typed-properties';
import {
  assessFactQuery,
  dismissDuplicateQuery,
  gradePublisherQuery,
} from '../../src/modules/reliability/assessment.cypher';
import { possibleDuplicatesQuery } from '../../src/modules/curation/duplicates.cypher';
import {
  createMergeAliasQuery,
  linkType,
  moveLinksQuery,
  nodeLabel,
  restoreLinksQuery,
  restoreNodeQuery,
  unmoveLinksQuery,
} from '../../src/modules/curation/merge.cypher';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const [hostile, hostileQuote, hostileBacktick] = HOSTILE_VALUES;
const assessment = {
  id: 'assessment:a1',
  kind: 'CREDIBILITY' as const,
  subject: hostile,
  value: '2',
  evidence: hostileQuote,
  by: hostileBacktick,
  at: '2025-01-02T03:04:05Z',
};

describe('merge statements', () => {
  const group = { type: Rel.ATTENDED, direction: 'out' as const, otherLabel: Label.Meeting, rows: [hostile] };

  it('move one type and direction, spelled from the model, values as parameters', () => {
    const query = moveLinksQuery(
      Label.Official,
      { keep: hostileQuote, merge: hostileBacktick, record: 'merge:r' },
      group,
    );
    expect(query.cypher).toContain(`MATCH (m)-[r:${Rel.ATTENDED}]->(o:${Label.Meeting} {id: otherId})`);
    expect(query.cypher).toContain(`MERGE (k)-[moved:${Rel.ATTENDED}]->(o)`);
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(query);
    expect(query).toMatchSnapshot();
  });

  it('restore and unmove the other way round for incoming links', () => {
    const incoming = { ...group, type: Rel.MENTIONS, direction: 'in' as const, otherLabel: Label.Source };
    const restore = restoreLinksQuery(Label.Official, hostile, {
      ...incoming,
      rows: [{ otherId: hostileQuote, props: { values: { evidence: [hostileBacktick] }, integers: [] } }],
    });
    expect(restore.cypher).toContain(`CREATE (n)<-[r:${Rel.MENTIONS}]-(other)`);
    expectOnlyInParams(restore, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(restore);
    const unmove = unmoveLinksQuery(
      Label.Official,
      { keep: hostile, record: hostileQuote },
      { ...incoming, rows: [{ otherId: hostileBacktick, contributed: [], hadBefore: false }] },
    );
    expect(unmove.cypher).toContain(`MATCH (n)<-[r:${Rel.MENTIONS}]-(other)`);
    expectOnlyInParams(unmove, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(unmove);
  });

  it('restores integers as integers and floats as floats', () => {
    const params = propertiesParam({
      values: { sourceCount: 2, score: 0.4, starts: [1, 2] },
      integers: ['sourceCount', 'starts'],
    });
    expect(isInt(params.sourceCount)).toBe(true);
    expect((params.starts as unknown[]).every(isInt)).toBe(true);
    expect(params.score).toBe(0.4);
    const node = restoreNodeQuery(Label.Official, { values: { id: hostile }, integers: [] });
    expect(node.cypher).toBe(`CREATE (n:${Label.Official}:${Label.Actor})\nSET n = $props`);
  });

  it('records the alias of the merged id with its reason as parameters', () => {
    const query = createMergeAliasQuery(Label.Topic, hostile, {
      id: hostileQuote,
      reason: hostileBacktick,
      decidedAt: '2025-01-01T00:00:00Z',
      mergeRecord: 'merge:r',
    });
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(query);
  });

  it('takes only the model’s names for what it reads back from the graph', () => {
    expect(linkType('ATTENDED')).toBe(Rel.ATTENDED);
    expect(linkType('DETACH DELETE')).toBeUndefined();
    expect(nodeLabel(['Actor', 'Official'])).toBe(Label.Official);
    expect(nodeLabel(['Official', 'Nation'])).toBeUndefined();
    expect(nodeLabel(['Unknown'])).toBeUndefined();
  });
});

describe('editors’ statements', () => {
  it('grade, rate and dismiss with every value a parameter', () => {
    const queries = [
      gradePublisherQuery({ id: hostile, key: hostileQuote, name: hostileBacktick }, 'B', assessment),
      assessFactQuery(Label.Statement, hostile, 2, assessment),
      dismissDuplicateQuery(Label.Meeting, { a: hostileQuote, b: hostileBacktick }, assessment),
    ];
    for (const query of queries) {
      expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
      expectKnownVocabulary(query);
    }
    expect(isInt(queries[1].params.credibility)).toBe(true);
  });

  it('lists possible duplicates of the kinds asked for, from the model’s labels', () => {
    const query = possibleDuplicatesQuery([Label.Official, Label.Place], {
      first: 5,
      after: { key: hostile, id: hostileQuote },
    });
    expect(query.cypher).toContain(
      `MATCH (a:${Label.Official}|${Label.Place})-[d:${Rel.POSSIBLE_DUPLICATE}]->(b:${Label.Official}|${Label.Place})`,
    );
    expectOnlyInParams(query, [hostile, hostileQuote]);
    expectKnownVocabulary(query);
  });
});
