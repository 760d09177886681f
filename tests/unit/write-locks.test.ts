/**
 * Write locks (src/graph/write-locks.ts): ids are locked in one sorted order so two writes of
 * overlapping records queue instead of deadlocking, and a retraction never creates what it locks.
 */
import { Label } from '../../src/graph/model';
import { lockNamesQuery, lockNodesQuery, lockTaxonomyQuery } from '../../src/graph/write-locks';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

describe('lockNodesQuery', () => {
  it('locks ids sorted and once each, whatever order they come in', () => {
    const query = lockNodesQuery(Label.Official, ['official:c', 'official:a', 'official:b', 'official:a']);
    expect(query.params).toEqual({ ids: ['official:a', 'official:b', 'official:c'] });
    expect(lockNodesQuery(Label.Official, new Set(['official:b', 'official:a'])).params.ids).toEqual([
      'official:a',
      'official:b',
    ]);
  });

  it('creates missing nodes to lock them by default, and only matches when told not to create', () => {
    const create = lockNodesQuery(Label.Statement, ['statement:s']);
    const matchOnly = lockNodesQuery(Label.Statement, ['statement:s'], { create: false });
    expect(create.cypher).toContain(`MERGE (n:${Label.Statement} {id: id})`);
    expect(matchOnly.cypher).toContain(`MATCH (n:${Label.Statement} {id: id})`);
    expect(matchOnly.cypher).not.toContain('MERGE');
    // The lock is a write that leaves nothing behind: set then removed in the same statement.
    expect(create.cypher).toMatch(/SET n\.lockHeld = true\s+REMOVE n\.lockHeld/);
    expect(create).toMatchSnapshot();
  });

  it('carries ids only as parameters', () => {
    const query = lockNodesQuery(Label.Nation, HOSTILE_VALUES);
    expectOnlyInParams(query, HOSTILE_VALUES);
    expectKnownVocabulary(query);
  });
});

describe('lockNamesQuery', () => {
  it('locks each name once, in sorted order, whatever order it is asked in', () => {
    expect(
      lockNamesQuery(['meeting-day:2025-04-11', 'facts-of:nation:usa', 'meeting-day:2025-04-11']).params,
    ).toEqual({
      names: ['facts-of:nation:usa', 'meeting-day:2025-04-11'],
    });
  });
});

describe('lockTaxonomyQuery', () => {
  it('locks one named node, merged so the first use creates it', () => {
    const query = lockTaxonomyQuery();
    expect(query.cypher).toContain(`MERGE (l:${Label.WriteLock} {name: name})`);
    expect(query.params).toEqual({ names: ['taxonomy'] });
    expect(query.cypher).toMatch(/SET l\.held = true\s+REMOVE l\.held/);
    expectKnownVocabulary(query);
  });
});
