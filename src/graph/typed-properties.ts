/**
 * Properties kept outside the graph (a merge's snapshot, as JSON) and written back exactly. JSON
 * has one number type, Neo4j two: a count stored as an integer must come back an integer, and a
 * figure stored as a float a float, or an undo would not give back the graph it started from.
 */
import type { Plain } from './values';
import { int } from './values';

/** A node's or relationship's properties, with the keys whose values are integers (or lists of them). */
export interface TypedProperties {
  values: Record<string, Plain>;
  integers: string[];
}

/**
 * A Cypher map expression of `variable`'s properties as TypedProperties. Only integers need
 * telling apart: every other property this graph stores (strings, floats, booleans, lists of
 * them) reads back from JSON as the type it was.
 */
export function typedPropertiesOf(variable: string): string {
  return `{values: properties(${variable}), integers: [key IN keys(${variable}) WHERE valueType(${variable}[key]) STARTS WITH 'INTEGER' OR valueType(${variable}[key]) STARTS WITH 'LIST<INTEGER' | key]}`;
}

/** The values as Cypher parameters, integers sent as integers (a plain JS number is a float to Neo4j). */
export function propertiesParam(stored: TypedProperties): Record<string, unknown> {
  const integers = new Set(stored.integers);
  return Object.fromEntries(
    Object.entries(stored.values).map(([key, value]) => {
      if (!integers.has(key)) return [key, value];
      return [key, Array.isArray(value) ? value.map((item) => int(item as number)) : int(value as number)];
    }),
  );
}
