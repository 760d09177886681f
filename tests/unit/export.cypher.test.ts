/**
 * The export's batch statement (src/export/export.cypher.ts) and cell guard (csv-cell.ts): keyset
 * pages on (key, id), filters as parameters only, and every cell a spreadsheet would run as a
 * formula defused. Values synthetic.
 */
import { csvCell, defuseFormula } from '../../src/export/csv-cell';
import { exportBatchQuery } from '../../src/export/export.cypher';
import { ENTITY_EXPORTS, FACT_EXPORTS } from '../../src/export/export-types';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const [hostile, hostileQuote] = HOSTILE_VALUES;

describe('exportBatchQuery', () => {
  it('seeks the key index when nothing anchors the read, and pages after the cursor', () => {
    const query = exportBatchQuery(
      FACT_EXPORTS.statements,
      {},
      { key: '2025-04-10', id: 'statement:x' },
      1000,
    );
    expect(query.cypher).toMatch(/MATCH \(n:Statement\) WHERE n\.sortDate >= \$afterKey AND/);
    expect(query.cypher).toContain('ORDER BY n.sortDate, n.id LIMIT $limit');
    expect(query.params).toMatchObject({
      afterKey: '2025-04-10',
      afterId: 'statement:x',
      includeRetracted: false,
    });
    expect(query.cypher).toContain('n.retractedAt IS NULL');
    expect(query).toMatchSnapshot();
  });

  it('anchors on the actor (a nation through its officials) and the topic, DISTINCT once', () => {
    const query = exportBatchQuery(
      FACT_EXPORTS.positions,
      {
        actor: 'nation:gbr',
        topic: 'US involvement',
        from: '2025-01-01',
        to: '2025-12-31',
        includeRetracted: true,
      },
      null,
      10,
    );
    expect(query.cypher).toContain(
      'MATCH (actor:Nation {id: $actor}) MATCH (actor)<-[:NATIONAL_OF*0..1]-(:Actor)-[:TOOK]->(n:Position)',
    );
    expect(query.cypher.match(/WITH DISTINCT n/g)).toHaveLength(1);
    expect(query.cypher).toContain('n.date >= $from AND n.date <= $to');
    expect(query.cypher).not.toContain('n.retractedAt IS NULL');
    expect(query.cypher).toContain('n.retractedAt AS c');
    expect(query).toMatchSnapshot();
  });

  it('carries every filter value as a parameter only', () => {
    for (const type of [
      FACT_EXPORTS.meetings,
      FACT_EXPORTS.statements,
      FACT_EXPORTS.positions,
      FACT_EXPORTS.roles,
    ]) {
      const query = exportBatchQuery(
        type,
        { actor: hostile, from: hostileQuote, to: hostileQuote },
        { key: hostileQuote, id: hostile },
        5,
      );
      expectOnlyInParams(query, [hostile, hostileQuote]);
      expectKnownVocabulary(query);
    }
    for (const type of Object.values(ENTITY_EXPORTS))
      expectKnownVocabulary(exportBatchQuery(type, {}, null, 5));
  });
});

describe('csvCell', () => {
  it('prefixes an apostrophe to a cell that starts like a formula, and to nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(defuseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ['1+1', ' =1', "'=1", 'Healey said "=1"', '']) expect(defuseFormula(safe)).toBe(safe);
  });

  it('writes null as empty, lists joined by "; ", and checks the joined text', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(['nation:deu', 'nation:gbr'])).toBe('nation:deu; nation:gbr');
    expect(csvCell(['@first', 'second'])).toBe("'@first; second");
    expect(csvCell(false)).toBe('false');
    expect(csvCell(30)).toBe('30');
    expect(csvCell(-5)).toBe("'-5");
  });
});
