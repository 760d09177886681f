/** The read behind `stanceHistory`: one holder's positions on a topic (narrower ones included), latest first. */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { reportedDate } from '../corroboration/reported-date.cypher';
import { evidenceItems } from '../evidence/evidence.cypher';
import { topicWithNarrower } from '../topic/topic.cypher';

/** The most recent positions a history reads. */
export const MAX_STANCE_HISTORY_POSITIONS = 200;

/**
 * The holder's `MAX_STANCE_HISTORY_POSITIONS` most recent positions (by date, else first
 * reported), returned oldest first, each with its evidence and the ids of the sources stating it.
 */
export function stanceHistoryQuery(holder: { id: string; label: ActorLabel }, topic: string): CypherQuery {
  const topics = topicWithNarrower(topic, 't');
  return cypher(
    `${topics.cypher}
WITH DISTINCT t
MATCH (:${holder.label} {id: $holder})-[:${Rel.TOOK}]->(p:${Label.Position})-[:${Rel.ABOUT}]->(t)
WHERE ${visible('p')}
WITH DISTINCT p
WITH p, ${reportedDate('p', 's')} AS reported
ORDER BY reported DESC, p.id DESC LIMIT $limit
WITH p, reported ORDER BY reported, p.id
RETURN properties(p) AS position, reported,
       ${evidenceItems('p', 'e')} AS evidence,
       COLLECT { MATCH (m:${Label.Source})-[:${Rel.MENTIONS}]->(p) RETURN m.id } AS mentionedBy`,
    { ...topics.params, holder: holder.id, limit: int(MAX_STANCE_HISTORY_POSITIONS) },
  );
}
