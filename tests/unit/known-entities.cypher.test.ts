/**
 * The drafter's graph lookup (src/graph/known-entities.cypher.ts): one statement that lists nations
 * and topics and finds officials, organizations and places by the article's names, with every part
 * bounded and every name only a parameter of escaped Lucene words. Names synthetic.
 */
import {
  knownEntitiesQuery,
  knownEntityFromRow,
  MAX_KNOWN_ENTITY_ROWS,
  MAX_KNOWN_NATIONS,
  MAX_KNOWN_TOPICS,
  MAX_LOOKUP_NAMES,
  MAX_LOOKUP_WORDS,
  MAX_MATCHED_ENTITIES,
  MAX_MATCHES_PER_NAME,
  nameLookups,
} from '../../src/graph/known-entities.cypher';
import { Label } from '../../src/graph/model';
import { FULLTEXT } from '../../src/graph/schema';
import { luceneNearName } from '../../src/graph/text';
import { expectKnownVocabulary, HOSTILE_VALUES } from './helpers/cypher-safety';

/** A lookup is only words, each exact or `~1`, joined by AND: no other Lucene syntax. */
const PLAIN_LOOKUP = /^[\p{L}\p{N}]+(?:~1)?(?: AND [\p{L}\p{N}]+(?:~1)?)*$/u;

describe('luceneNearName', () => {
  it('allows one edit in words of five letters or more, and requires every word', () => {
    expect(luceneNearName('hakanen')).toBe('hakanen~1');
    expect(luceneNearName('Antti Häkkänen')).toBe('antti~1 AND hakkanen~1');
    expect(luceneNearName('iran')).toBe('iran');
    expect(luceneNearName('pal jonson')).toBe('pal AND jonson~1');
  });

  it('leaves only words of hostile text, and nothing of text without any', () => {
    expect(luceneNearName('name:x* OR nameText:*')).toBe('name AND x AND or AND nametext~1');
    expect(luceneNearName('*:* ~ ()')).toBeUndefined();
  });
});

describe('nameLookups', () => {
  it('drops repeats and names of no word, and keeps the order', () => {
    expect(nameLookups(['hakkanen', 'Hakkanen', '...', 'nato', 'häkkänen'])).toEqual(['hakkanen~1', 'nato']);
  });

  it('takes at most MAX_LOOKUP_NAMES names', () => {
    const names = Array.from({ length: MAX_LOOKUP_NAMES * 2 }, (_, index) => `name${index}`);
    expect(nameLookups(names)).toHaveLength(MAX_LOOKUP_NAMES);
  });

  it('skips names of more than MAX_LOOKUP_WORDS words or 200 characters', () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(' ');
    expect(nameLookups([words(MAX_LOOKUP_WORDS), words(MAX_LOOKUP_WORDS + 1), 'x'.repeat(201)])).toEqual([
      luceneNearName(words(MAX_LOOKUP_WORDS)),
    ]);
  });

  it('makes plain word queries of hostile names', () => {
    for (const lookup of nameLookups([...HOSTILE_VALUES, 'a"b', '\\', 'x~2^9', 'NOT AND OR'])) {
      expect(lookup).toMatch(PLAIN_LOOKUP);
    }
  });
});

describe('knownEntitiesQuery', () => {
  it('is one statement over the name index, with every bound a parameter', () => {
    const query = knownEntitiesQuery(['hakkanen', 'antti hakkanen', 'us']);
    expect(query.cypher).toContain(
      `db.index.fulltext.queryNodes('${FULLTEXT.names}', lookup, {limit: $perName})`,
    );
    expect(query.cypher).toContain(`MATCH (n:${Label.Nation})`);
    expect(query.cypher).toContain(`MATCH (n:${Label.Topic})`);
    expect(query.params).toMatchObject({
      lookups: ['hakkanen~1', 'antti~1 AND hakkanen~1', 'us'],
    });
    expect(
      ['maxNations', 'maxTopics', 'perName', 'maxMatched'].map((name) => Number(query.params[name])),
    ).toEqual([MAX_KNOWN_NATIONS, MAX_KNOWN_TOPICS, MAX_MATCHES_PER_NAME, MAX_MATCHED_ENTITIES]);
    expect(MAX_KNOWN_ENTITY_ROWS).toBe(MAX_KNOWN_NATIONS + MAX_KNOWN_TOPICS + MAX_MATCHED_ENTITIES);
    expectKnownVocabulary(query);
    expect(query).toMatchSnapshot();
  });

  it('carries hostile names only as parameters', () => {
    const query = knownEntitiesQuery(HOSTILE_VALUES);
    for (const value of HOSTILE_VALUES) expect(query.cypher).not.toContain(value);
    expect(query.cypher).not.toMatch(/detach|delete/i);
    expectKnownVocabulary(query);
  });

  it('leaves out the roles of retracted facts', () => {
    expect(knownEntitiesQuery([]).cypher).toContain('role.retractedAt IS NULL');
  });
});

describe('knownEntityFromRow', () => {
  it('gives officials their nation and offices, and other entities neither', () => {
    const official = knownEntityFromRow({
      id: 'official:jane-example',
      label: Label.Official,
      name: 'Jane Example',
      aliases: ['Example'],
      nation: 'nation:xyz',
      offices: ['Defence Minister'],
    });
    expect(official).toEqual({
      id: 'official:jane-example',
      kind: 'OFFICIAL',
      name: 'Jane Example',
      aliases: ['Example'],
      nation: 'nation:xyz',
      offices: ['Defence Minister'],
    });
    const place = knownEntityFromRow({
      id: 'place:example-city',
      label: Label.Place,
      name: 'Example City',
      aliases: [],
      nation: null,
      offices: null,
    });
    expect(place).toEqual({ id: 'place:example-city', kind: 'PLACE', name: 'Example City', aliases: [] });
    for (const [label, kind] of [
      [Label.Nation, 'NATION'],
      [Label.Organization, 'ORGANIZATION'],
      [Label.Topic, 'TOPIC'],
    ]) {
      expect(knownEntityFromRow({ id: 'x:y', label, name: 'Y', aliases: null }).kind).toBe(kind);
    }
  });
});
