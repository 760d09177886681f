/**
 * The one statement an export runs per batch: the next `limit` nodes after a keyset cursor (key,
 * id) in (key, id) order, filtered as asked, with their columns and, for facts, one row per
 * evidence excerpt. Pages on the key rather than SKIP, so a batch costs the same at the end of a
 * large export as at its start, and an unfiltered one seeks the key's index.
 */
import { cypher, type CypherQuery } from '../graph/cypher';
import { actorLabelForId, Label, Rel } from '../graph/model';
import { int } from '../graph/values';
import { topicWithNarrower } from '../modules/topic/topic.cypher';
import { columnsOf, type ExportType } from './export-types';

/** The filters of a fact export; all optional, combined with AND. */
export interface FactFilter {
  /** Inclusive `YYYY-MM-DD` bounds on the fact's date; an undated fact is in no range. */
  from?: string | null;
  to?: string | null;
  /** An actor's id: its facts, and for a nation its officials' facts too. */
  actor?: string | null;
  /** A topic's name or alias: facts about it or about a narrower topic. */
  topic?: string | null;
  /** Include retracted facts (with `retracted_at` set). */
  includeRetracted?: boolean;
}

/** Where the next batch starts: the key and id of the last node written. */
export interface ExportCursor {
  key: string;
  id: string;
}

/** Column aliases of the statement: positional, so a header never has to be a Cypher name. */
const KEY = '_key';
const NODE_ID = '_id';
const EVIDENCE_INDEX = '_evidence';

/** The alias of a row's cell in column `index`. */
export function cellAlias(index: number): string {
  return `c${index}`;
}

/**
 * Binds `n` to the nodes the filter selects, one row or more each: an actor, then a topic, anchor
 * the match when given (as FilteredListing does for the API's lists), else every node of the label.
 * Throws BadUserInputError for a topic text the full-text index can't take.
 */
function selection(
  type: ExportType,
  filter: FactFilter,
): { anchors: string[]; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (type.kind === 'fact' && filter.actor) {
    const label = actorLabelForId(filter.actor);
    // The request parser refuses other ids; a caller of the stream functions gets no rows.
    if (!label) return { anchors: [`MATCH (n:${type.label}) WHERE false`], params };
    parts.push(`MATCH (actor:${label} {id: $actor}) MATCH ${type.actor(label)}`);
    params.actor = filter.actor;
  }
  if (type.kind === 'fact' && type.topics && filter.topic != null) {
    const topic = topicWithNarrower(filter.topic, 't');
    parts.push(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-(n:${type.label})`);
    Object.assign(params, topic.params);
  }
  return { anchors: parts, params };
}

/** The next batch after `after` (null: the first), at most `limit` nodes; rows in (key, id, evidence) order. */
export function exportBatchQuery(
  type: ExportType,
  filter: FactFilter,
  after: ExportCursor | null,
  limit: number,
): CypherQuery {
  const { anchors, params } = selection(type, filter);
  const includeRetracted = type.kind === 'fact' && filter.includeRetracted === true;
  const conditions = [
    // Every string is >= '': on an unanchored match this is the index seek that starts the batch.
    `${type.key} >= $afterKey`,
    `($afterId IS NULL OR ${type.key} > $afterKey OR n.id > $afterId)`,
    ...(includeRetracted ? [] : ['n.retractedAt IS NULL']),
  ];
  if (type.kind === 'fact' && type.date) {
    if (filter.from) conditions.push(`${type.date} >= $from`);
    if (filter.to) conditions.push(`${type.date} <= $to`);
  }
  // Unanchored, the conditions sit on the MATCH so the planner seeks the key's index. An anchored
  // match may reach a fact along several paths (two officials of a nation at one meeting).
  const match =
    anchors.length === 0
      ? `MATCH (n:${type.label}) WHERE ${conditions.join(' AND ')}`
      : `${anchors.join(' ')}\n  WITH DISTINCT n WHERE ${conditions.join(' AND ')}`;
  const select = `CALL () {
  ${match}
  WITH n ORDER BY ${type.key}, n.id LIMIT $limit
  RETURN n, ${type.key} AS ${KEY}
}`;
  const cells = columnsOf(type, includeRetracted).map(
    (column, index) => `${column.value} AS ${cellAlias(index)}`,
  );
  // A fact without evidence still gets its one row, with empty evidence cells (evidence[0] is null).
  const rows =
    type.kind === 'entity'
      ? `RETURN ${KEY}, n.id AS ${NODE_ID}, 0 AS ${EVIDENCE_INDEX}, ${cells.join(', ')}
ORDER BY ${KEY}, ${NODE_ID}`
      : `WITH n, ${KEY}, COLLECT {
  MATCH (n)-[:${Rel.EVIDENCED_BY}]->(e:${Label.Evidence})-[:${Rel.EXCERPT_OF}]->(s:${Label.Source})
  RETURN {excerpt: e.excerpt, sourceId: s.id, title: s.title, publisher: s.publisher, date: s.publishedAt, start: e.start, id: e.id} AS item
  ORDER BY item.sourceId, item.start, item.id
} AS evidence
UNWIND range(0, CASE WHEN size(evidence) = 0 THEN 0 ELSE size(evidence) - 1 END) AS ${EVIDENCE_INDEX}
WITH n, ${KEY}, ${EVIDENCE_INDEX}, evidence[${EVIDENCE_INDEX}] AS ev
RETURN ${KEY}, n.id AS ${NODE_ID}, ${EVIDENCE_INDEX}, ${cells.join(', ')}
ORDER BY ${KEY}, ${NODE_ID}, ${EVIDENCE_INDEX}`;
  return cypher(`${select}\n${rows}`, {
    ...params,
    from: filter.from ?? null,
    to: filter.to ?? null,
    includeRetracted,
    afterKey: after?.key ?? '',
    afterId: after?.id ?? null,
    limit: int(limit),
  });
}

/** The parts of a batch row the reader needs besides its cells. */
export const BATCH_ROW = { key: KEY, id: NODE_ID, evidenceIndex: EVIDENCE_INDEX } as const;
