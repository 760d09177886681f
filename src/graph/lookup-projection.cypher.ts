/**
 * What a lookup by id or a search returns of a node it knows nothing of the request for: every
 * property a field reads, without those kept for indexes only (folded names and text, the copies
 * index walks read) and without a source's full text, which Source.text loads on its own when a
 * request selects it. A source's text and its folded copy can be tens of kilobytes; an answer
 * that only names the source should not carry them.
 */
import { Label } from './model';
import { POSITION_TOPIC_ID } from './position-topic.cypher';

/** Stored for indexes and index walks; no field of the API reads them. */
const INDEX_ONLY = ['nameText', 'bodyText', POSITION_TOPIC_ID] as const;

/** Read by Source.text only (modules/source), which loads it when a node arrives without it. */
export const SOURCE_TEXT = 'text';

/** The node bound to `variable` as a map, without what the module comment says is left out. */
export function lookupProjection(variable: string): string {
  const omitted = INDEX_ONLY.map((property) => `${property}: null`).join(', ');
  return `${variable} {.*, ${omitted}, ${SOURCE_TEXT}: CASE WHEN ${variable}:${Label.Source} THEN null ELSE ${variable}.${SOURCE_TEXT} END}`;
}
