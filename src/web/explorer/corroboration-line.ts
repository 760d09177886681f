/** The line under a selected node's title that says how well reported it is: sources, publishers, when. */
import type { Entity } from './graph-data';

/** The Reported fields the neighbourhood query reads; kept out of the details table. */
export const CORROBORATION_FIELDS = ['sourceCount', 'publisherCount', 'firstReported', 'lastReported'];

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "3 sources · 2 publishers · first reported 2025-04-11 · last reported 2025-05-02", or null when not loaded. */
export function corroborationLine(entity: Entity): string | null {
  if (typeof entity.sourceCount !== 'number' || typeof entity.publisherCount !== 'number') return null;
  const parts = [count(entity.sourceCount, 'source'), count(entity.publisherCount, 'publisher')];
  if (typeof entity.firstReported === 'string') parts.push(`first reported ${entity.firstReported}`);
  if (typeof entity.lastReported === 'string') parts.push(`last reported ${entity.lastReported}`);
  return parts.join(' · ');
}
