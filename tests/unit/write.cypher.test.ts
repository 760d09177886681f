/**
 * The write API's own statements (src/modules/write/write.cypher.ts): a stored source's text is
 * never replaced, a retraction is recorded once, and every value is a parameter. Values synthetic.
 */
import { Label, Rel } from '../../src/graph/model';
import { retractQuery, sourcesByIdQuery, upsertSourceQuery } from '../../src/modules/write/write.cypher';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const [hostile, hostileQuote, hostileBacktick, hostileParam] = HOSTILE_VALUES;

describe('upsertSourceQuery', () => {
  it('sets properties only when the stored text is absent or the same', () => {
    const query = upsertSourceQuery({ id: 'source:s', text: 'Synthetic text.', title: 'T', publisher: 'P' });
    expect(query.cypher).toContain('s.text IS NULL OR s.text = $props.text AS sameText');
    // Every SET (the source's and its publisher link's) is inside the branch guarded by sameText.
    const [before] = query.cypher.split('WITH s WHERE sameText');
    expect(before).not.toMatch(/\bSET\b/);
    expect(query.cypher).toMatch(/WITH s WHERE sameText\s+SET s \+= \$props/);
    expect(query).toMatchSnapshot();
  });

  it('carries id, text and metadata only as parameters', () => {
    const query = upsertSourceQuery({
      id: hostile,
      text: hostileQuote,
      title: hostileBacktick,
      publisher: hostileParam,
    });
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick, hostileParam]);
    expectKnownVocabulary(query);
  });
});

describe('retractQuery', () => {
  const retraction = {
    id: 'retraction:r1',
    reason: 'Synthetic reason',
    retractedAt: '2025-01-02T03:04:05Z',
    retractedBy: 'editor-key',
  };

  it('records who, when and why only when the retraction is created, so a retry cannot rewrite it', () => {
    const { cypher } = retractQuery(Label.Statement, 'statement:s', retraction);
    expect(cypher).toContain(`MATCH (n:${Label.Statement} {id: $factId})`);
    expect(cypher).toContain(`MERGE (r:${Label.Retraction} {id: $retraction.id})`);
    expect(cypher).toContain(`MERGE (n)-[:${Rel.RETRACTED_BY}]->(r)`);
    for (const field of ['reason', 'recordedAt', 'retractedBy', 'factId']) {
      const assignments = [...cypher.matchAll(new RegExp(`r\\.${field} =`, 'g'))];
      expect(assignments).toHaveLength(1);
      expect(cypher.indexOf(`r.${field} =`)).toBeGreaterThan(cypher.indexOf('ON CREATE SET'));
    }
    // The fact's own mark is copied from the stored record, not from this call.
    expect(cypher).toContain('SET n.retractedAt = r.recordedAt');
    expect(retractQuery(Label.Statement, 'statement:s', retraction)).toMatchSnapshot();
  });

  it('carries the fact id and the record only as parameters', () => {
    const query = retractQuery(Label.Position, hostile, {
      id: hostileQuote,
      reason: hostileBacktick,
      retractedAt: hostileParam,
      retractedBy: hostile,
    });
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(query);
  });
});

describe('sourcesByIdQuery', () => {
  it('carries ids only as parameters', () => {
    const query = sourcesByIdQuery([hostile, hostileQuote]);
    expect(query.params).toEqual({ ids: [hostile, hostileQuote] });
    expectOnlyInParams(query, [hostile, hostileQuote]);
    expectKnownVocabulary(query);
  });
});
