/**
 * Converts driver values to plain JSON-friendly values: Integers to numbers, temporal types to ISO
 * strings, nodes to their properties. Everything above graph/ sees only plain data.
 */
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return neo4j.integer.toNumber(value);
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return value as Plain;
}

/** Integer parameters must reach Cypher as integers, not floats (LIMIT rejects 20.0). */
export function int(value: number) {
  return neo4j.int(value);
}
