/**
 * The change log: every write appends what it changed as `(:Change {seq, kind, subjectId,
 * subjectLabel, otherId, actorIds, topicIds, at})` nodes, in Neo4j itself, so any number of API
 * instances share one ordered history with no other shared component. `changes` pages it, and
 * each instance tails it to feed its subscriptions.
 *
 * Order: `seq` comes from one counter (the `change-log` WriteLock node), raised inside the writing
 * transaction. Raising it takes the counter's exclusive lock, held until that transaction ends, so
 * a later transaction's append waits for the earlier one to commit or roll back: a reader never
 * sees seq n+1 committed while seq n is still to come, and a cursor "after n" misses nothing. The
 * append must therefore be the last statement of its transaction, to hold that lock briefly.
 */
import { cypher, type CypherQuery } from './cypher';
import { Label, Rel, type Label as LabelName } from './model';
import { int } from './values';

export const ChangeKind = {
  FACT_RECORDED: 'FACT_RECORDED',
  ENTITY_UPSERTED: 'ENTITY_UPSERTED',
  FACT_RETRACTED: 'FACT_RETRACTED',
  ENTITIES_MERGED: 'ENTITIES_MERGED',
} as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/** The node label of the log's entries, and the name of its counter (a WriteLock). */
export const CHANGE_LABEL = 'Change';
export const CHANGE_COUNTER = 'change-log';

/** Labels whose changes are facts (recorded or retracted); any other label is an entity. */
export const FACT_LABELS: readonly LabelName[] = [Label.Meeting, Label.Statement, Label.Position];

export interface ChangeToAppend {
  kind: ChangeKind;
  subjectId: string;
  subjectLabel: LabelName;
  /** For ENTITIES_MERGED: the id merged away (subjectId is the one kept). */
  otherId?: string | null;
}

/** A stored entry, as the read queries return it (`change` column). */
export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  subjectId: string;
  subjectLabel: LabelName;
  otherId: string | null;
  /** The fact's actors and, for officials, their nations; for an actor entity, itself. */
  actorIds: string[];
  /** The fact's topics and every broader topic above them; for a topic entity, itself. */
  topicIds: string[];
  /** ISO timestamp of the writing transaction. */
  at: string;
}

const FACT_ACTOR_LINKS = [Rel.ATTENDED, Rel.CHAIRED, Rel.CONVENED, Rel.SAID, Rel.TOOK].join('|');

/**
 * Appends `changes` in order with consecutive seqs. Must be the transaction's last statement (see
 * the header). A fact's actors and topics are read here, after the write, so subscription filters
 * match what was committed; an entity's are itself.
 */
export function appendChangesQuery(changes: readonly ChangeToAppend[]): CypherQuery {
  const factBranches = FACT_LABELS.map(
    (label) => `WITH change WHERE change.subjectLabel = '${label}'
  OPTIONAL MATCH (f:${label} {id: change.subjectId})
  OPTIONAL MATCH (f)<-[:${FACT_ACTOR_LINKS}]-(a:${Label.Actor})
  OPTIONAL MATCH (a)-[:${Rel.NATIONAL_OF}]->(n:${Label.Nation})
  WITH f, collect(DISTINCT a.id) + collect(DISTINCT n.id) AS actorIds
  OPTIONAL MATCH (f)-[:${Rel.ABOUT}]->(:${Label.Topic})-[:${Rel.BROADER}*0..]->(t:${Label.Topic})
  RETURN actorIds, collect(DISTINCT t.id) AS topicIds`,
  );
  const entityBranch = `WITH change WHERE NOT change.subjectLabel IN $factLabels
  RETURN CASE WHEN change.subjectLabel IN $actorLabels THEN [change.subjectId] ELSE [] END AS actorIds,
         CASE WHEN change.subjectLabel = '${Label.Topic}' THEN [change.subjectId] ELSE [] END AS topicIds`;
  return cypher(
    `MERGE (counter:${Label.WriteLock} {name: $counter})
SET counter.seq = coalesce(counter.seq, 0) + size($changes)
WITH counter.seq - size($changes) AS base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, $changes[i] AS change
CALL (change) {
  ${[...factBranches, entityBranch].join('\n  UNION\n  ')}
}
CREATE (:${CHANGE_LABEL} {seq: seq, kind: change.kind, subjectId: change.subjectId,
  subjectLabel: change.subjectLabel, otherId: change.otherId, actorIds: actorIds, topicIds: topicIds,
  at: datetime()})`,
    {
      counter: CHANGE_COUNTER,
      changes: changes.map((change) => ({ ...change, otherId: change.otherId ?? null })),
      factLabels: FACT_LABELS,
      actorLabels: [Label.Nation, Label.Official, Label.Organization],
    },
  );
}

/**
 * The log's head as `head`, then its entries `c` after `$after` up to that head, of `$kinds` (null:
 * all), in seq order, at most `$first`. Bounded by the counter read first: every seq up to a
 * committed counter value is committed, while a scan alone (read committed, not a snapshot) could
 * pass seq n's slot before n commits and then find n + 1, and the reader would move past n for good.
 * Parameters: `$counter` (CHANGE_COUNTER), `$after`, `$first`, `$kinds`.
 */
export const HEAD_THEN_ENTRIES = {
  head: `OPTIONAL MATCH (counter:${Label.WriteLock} {name: $counter})
WITH coalesce(counter.seq, 0) AS head`,
  entries: `MATCH (c:${CHANGE_LABEL}) WHERE c.seq > $after AND c.seq <= head AND ($kinds IS NULL OR c.kind IN $kinds)
WITH c ORDER BY c.seq LIMIT $first`,
} as const;

/** An entry `c` as a ChangeRow. */
export const CHANGE_ROW_PROJECTION = `c {.seq, .kind, .subjectId, .subjectLabel, .otherId, .actorIds, .topicIds, at: toString(c.at)}`;

/** At most `first` entries after `after` (a seq; 0 for the start), of these kinds (null: all), in seq order. */
export function changesAfterQuery(
  after: number,
  first: number,
  kinds: readonly ChangeKind[] | null,
): CypherQuery {
  return cypher(
    `${HEAD_THEN_ENTRIES.head}\n${HEAD_THEN_ENTRIES.entries}\nRETURN ${CHANGE_ROW_PROJECTION} AS change`,
    { after: int(after), first: int(first), kinds, counter: CHANGE_COUNTER },
  );
}

/** The log's head: the highest seq appended so far (0 when empty), as `head`. */
export function changeLogHeadQuery(): CypherQuery {
  return cypher(
    `OPTIONAL MATCH (counter:${Label.WriteLock} {name: $counter}) RETURN coalesce(counter.seq, 0) AS head`,
    {
      counter: CHANGE_COUNTER,
    },
  );
}

/** The unique constraint that orders and seeks the log by seq (add to graph/schema.ts). */
export const CHANGE_SEQ_CONSTRAINT = `CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:${CHANGE_LABEL}) REQUIRE c.seq IS UNIQUE`;
