/**
 * Converts driver values to plain JSON-friendly values: Integers to numbers, temporal types to ISO
 * strings, nodes to their properties. Everything above graph/ sees only plain data.
 */
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Lists and maps the driver decoded are converted in place: they are fresh objects of this one
 * answer, and a page of nested lists holds hundreds of them, so copying each would double the
 * answer's allocations for nothing. Strings and numbers, most of any answer, return at once.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : (value as Plain);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = toPlain(value[index]);
    return value as Plain[];
  }
  // A map the driver decoded (the driver's own types have prototypes of their own).
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) map[key] = toPlain(map[key]);
    return map as Plain;
  }
  if (isInt(value)) return neo4j.integer.toNumber(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  const out: { [key: string]: Plain } = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
  return out;
}

/** Integer parameters must reach Cypher as integers, not floats (LIMIT rejects 20.0). */
export function int(value: number) {
  return neo4j.int(value);
}
