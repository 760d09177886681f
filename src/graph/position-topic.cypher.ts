/**
 * A position's topic id, copied onto the position as `topicId`: with its stance and sortDate it
 * keys a composite range index, so "who stressed X" reads a page per topic of X in date order
 * instead of sorting every position about X (modules/position/position.cypher.ts).
 * A position has one topic (a single link, see SINGLE_LINKS), so the copy is one id. Every write
 * that adds, moves or restores a position's ABOUT link re-derives the copy with derivedTopicId,
 * the one rule; startup's schema step backfills graphs written before it (topicIdBackfill).
 */
import { cypher, type CypherQuery } from './cypher';
import { Label, Rel } from './model';
import { int } from './values';

export const POSITION_TOPIC_ID = 'topicId';

/** Name of the composite index (topicId, stance, sortDate) on positions. */
export const POSITION_TOPIC_INDEX = 'position_topic_stance_date';

/**
 * The topic id of the position bound to `position`, from its ABOUT link. Should a position ever
 * have two topics (an undone merge can restore a link beside one a document stated since), the
 * smallest id is taken, so the copy is still one deterministic value.
 */
export function derivedTopicId(position: string): string {
  return `head(COLLECT { MATCH (${position})-[:${Rel.ABOUT}]->(positionTopic:${Label.Topic}) RETURN positionTopic.id AS topicId ORDER BY topicId })`;
}

/** `SET <position>.topicId = ...`, for statements that have just written a position's ABOUT link. */
export function setTopicId(position: string): string {
  return `SET ${position}.${POSITION_TOPIC_ID} = ${derivedTopicId(position)}`;
}

/**
 * Re-derives the copy on every position whose topic a merge or its undo may have changed: the
 * positions themselves when positions were merged, the positions about them when topics were.
 * Null for other labels (their merges never touch a position's ABOUT link).
 */
export function syncTopicIdsQuery(label: Label, ids: readonly string[]): CypherQuery | null {
  if (label === Label.Position) {
    return cypher(`UNWIND $ids AS id MATCH (p:${Label.Position} {id: id}) ${setTopicId('p')}`, {
      ids: [...ids],
    });
  }
  if (label === Label.Topic) {
    return cypher(
      `UNWIND $ids AS id MATCH (:${Label.Topic} {id: id})<-[:${Rel.ABOUT}]-(p:${Label.Position}) ${setTopicId('p')}`,
      { ids: [...ids] },
    );
  }
  return null;
}

/** How many positions one backfill statement sets at most, so each transaction stays small. */
export const TOPIC_ID_BACKFILL_BATCH = 10_000;

/**
 * One batch of the backfill: positions lacking the copy that have a topic. Returns how many it
 * set; rerun until 0. A position without a topic (none can be imported) is skipped, never set.
 */
export function topicIdBackfillQuery(): CypherQuery {
  return cypher(
    `MATCH (p:${Label.Position}) WHERE p.${POSITION_TOPIC_ID} IS NULL AND EXISTS { (p)-[:${Rel.ABOUT}]->(:${Label.Topic}) }
WITH p LIMIT $batch
${setTopicId('p')}
RETURN count(p) AS set`,
    { batch: int(TOPIC_ID_BACKFILL_BATCH) },
  );
}
