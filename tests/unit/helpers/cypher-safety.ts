/**
 * Assertions every Cypher builder must pass: user values travel as parameters only, and every label
 * and relationship type in the text is one of graph/model's constants.
 */
import type { CypherQuery } from '../../../src/graph/cypher';
import { Label, Rel } from '../../../src/graph/model';

const VOCABULARY = new Set<string>([...Object.values(Label), ...Object.values(Rel)]);

/**
 * Strings that could break out of a string literal, a map or a pattern if they were ever spelled
 * into Cypher. Written for these tests (synthetic).
 */
export const HOSTILE_VALUES = [
  "nation:gbr'}) MATCH (n) DETACH DELETE n //",
  '"}) DETACH DELETE n //',
  '`Nation`) DETACH DELETE n //',
  '$rows',
];

/** Labels and relationship types the text names: `(n:Nation {`, `-[r:SAID]->`, `SET n:Actor`. */
export function labelsAndTypesIn(cypher: string): string[] {
  return [...cypher.matchAll(/:`?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
}

/** Fails unless each value is absent from the Cypher text and present somewhere in the parameters. */
export function expectOnlyInParams(query: CypherQuery, values: readonly string[]): void {
  const params = JSON.stringify(query.params);
  for (const value of values) {
    expect(query.cypher).not.toContain(value);
    expect(params).toContain(JSON.stringify(value).slice(1, -1));
  }
}

/** Fails when the text names a label or relationship type that graph/model doesn't declare. */
export function expectKnownVocabulary(query: CypherQuery): void {
  const names = labelsAndTypesIn(query.cypher);
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter((name) => !VOCABULARY.has(name))).toEqual([]);
}
