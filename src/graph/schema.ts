/**
 * The graph schema: uniqueness constraints on every entity id, full-text indexes over names and
 * text, and a range index behind every filter the API offers. Applied idempotently at startup.
 */
import type { CypherQuery } from './cypher';
import type { GraphDatabase } from './database';
import { CHANGE_SEQ_CONSTRAINT } from './change-log.cypher';
import { RECOUNT_MENTIONS } from '../ingest/graph-write.cypher';
import { ENTITY_LABELS, Label, NAMED_LABELS, Rel } from './model';
import { POSITION_TOPIC_ID, POSITION_TOPIC_INDEX, topicIdBackfillQuery } from './position-topic.cypher';
import { timelineBackfillQuery, timelineIndexStatements } from './timeline-links.cypher';

export const FULLTEXT = {
  /** Folded names and aliases of nameable entities: backs the `name`/`topic`/`place` filters. */
  names: 'entity_names',
  /** Names plus statement text, titles and summaries: backs `search`. */
  search: 'entity_search',
} as const;

/** Labels that `search` ranks across. */
export const SEARCHABLE_LABELS = [
  ...NAMED_LABELS,
  Label.Meeting,
  Label.Statement,
  Label.Position,
  Label.Source,
] as const;

export function schemaStatements(): string[] {
  const constraints = [
    ...ENTITY_LABELS,
    Label.Evidence,
    Label.Retraction,
    Label.IdAlias,
    Label.Claim,
    Label.Publisher,
    Label.MergeRecord,
    Label.Assessment,
  ].map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  // Unique, so two writes that take a named lock for the first time at once create one node.
  constraints.push(
    `CREATE CONSTRAINT write_lock_name IF NOT EXISTS FOR (n:${Label.WriteLock}) REQUIRE n.name IS UNIQUE`,
  );
  // The change log's order and its cursors' seek (graph/change-log.cypher.ts).
  constraints.push(CHANGE_SEQ_CONSTRAINT);
  const ranges = [
    `CREATE INDEX meeting_date IF NOT EXISTS FOR (n:${Label.Meeting}) ON (n.date)`,
    `CREATE INDEX meeting_status IF NOT EXISTS FOR (n:${Label.Meeting}) ON (n.status)`,
    `CREATE INDEX statement_date IF NOT EXISTS FOR (n:${Label.Statement}) ON (n.date)`,
    `CREATE INDEX statement_kind IF NOT EXISTS FOR (n:${Label.Statement}) ON (n.kind)`,
    `CREATE INDEX position_stance IF NOT EXISTS FOR (n:${Label.Position}) ON (n.stance)`,
    `CREATE INDEX position_date IF NOT EXISTS FOR (n:${Label.Position}) ON (n.date)`,
    `CREATE INDEX nation_iso3 IF NOT EXISTS FOR (n:${Label.Nation}) ON (n.iso3)`,
    `CREATE INDEX source_published IF NOT EXISTS FOR (n:${Label.Source}) ON (n.publishedAt)`,
    `CREATE INDEX actor_sort IF NOT EXISTS FOR (n:${Label.Actor}) ON (n.sortName)`,
    // Root listings read these in order (RootPageSpec.indexedOrder) rather than sorting every node.
    `CREATE INDEX nation_sort IF NOT EXISTS FOR (n:${Label.Nation}) ON (n.sortName)`,
    `CREATE INDEX official_sort IF NOT EXISTS FOR (n:${Label.Official}) ON (n.sortName)`,
    `CREATE INDEX organization_sort IF NOT EXISTS FOR (n:${Label.Organization}) ON (n.sortName)`,
    `CREATE INDEX topic_sort IF NOT EXISTS FOR (n:${Label.Topic}) ON (n.sortName)`,
    `CREATE INDEX statement_sort_date IF NOT EXISTS FOR (n:${Label.Statement}) ON (n.sortDate)`,
    `CREATE INDEX position_sort_date IF NOT EXISTS FOR (n:${Label.Position}) ON (n.sortDate)`,
    // Stance on a topic reads a page per topic along this (see position-topic.cypher.ts).
    `CREATE INDEX ${POSITION_TOPIC_INDEX} IF NOT EXISTS FOR (n:${Label.Position}) ON (n.${POSITION_TOPIC_ID}, n.stance, n.sortDate)`,
    // An actor's timeline reads a page per actor and link type along these (timeline-links.cypher.ts).
    ...timelineIndexStatements(),
  ];
  // Folding is done by the API (see text.ts), so the analyzer must not drop words like "us" or "no".
  const fulltext = [
    `CREATE FULLTEXT INDEX ${FULLTEXT.names} IF NOT EXISTS FOR (n:${NAMED_LABELS.join('|')}) ON EACH [n.nameText] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
    `CREATE FULLTEXT INDEX ${FULLTEXT.search} IF NOT EXISTS FOR (n:${SEARCHABLE_LABELS.join('|')}) ON EACH [n.nameText, n.bodyText] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  ];
  return [...constraints, ...ranges, ...fulltext];
}

/** Applies every statement (each is IF NOT EXISTS, so reruns are harmless) and waits for indexes to be online. */
export async function applyGraphSchema(db: GraphDatabase): Promise<void> {
  for (const statement of schemaStatements()) {
    await db.write((tx) => tx.run({ cypher: statement, params: {} }));
  }
  await db.write((tx) => tx.run({ cypher: 'CALL db.awaitIndexes(300)', params: {} }));
  for (const statement of [...sortDateBackfills(), ...corroborationBackfills()]) {
    await db.write((tx) => tx.run({ cypher: statement, params: {} }));
  }
  for (const batch of [topicIdBackfillQuery(), timelineBackfillQuery()]) await backfillInBatches(db, batch);
}

/**
 * Copies that graphs written before them lack: a position's topic id (position-topic.cypher.ts),
 * a timeline link's actor id and key (timeline-links.cypher.ts). `batch` sets at most a bounded
 * number and returns how many (`set`); it runs, one transaction each, until it sets none.
 */
async function backfillInBatches(db: GraphDatabase, batch: CypherQuery): Promise<void> {
  for (;;) {
    const { result } = await db.write((tx) => tx.run(batch));
    if (Number(result[0]?.set ?? 0) === 0) return;
  }
}

/**
 * Derived properties that graphs written by an earlier version lack: `sortDate` on statements and
 * positions (the importer sets it now; see sortDate in document.rows.ts). Idempotent, and a no-op
 * once every node has it.
 */
export function sortDateBackfills(): string[] {
  return [Label.Statement, Label.Position].map(
    (label) => `MATCH (n:${label}) WHERE n.sortDate IS NULL SET n.sortDate = coalesce(toString(n.date), '')`,
  );
}

/**
 * Publishers and corroboration counts (docs/corroboration.md) for graphs written before them.
 * Idempotent, and a no-op once every source has its publisher and every node its counts.
 */
export function corroborationBackfills(): string[] {
  return [
    `MATCH (s:${Label.Source}) WHERE s.publisherKey IS NULL AND s.publisher IS NOT NULL
SET s.publisherKey = trim(toLower(s.publisher))`,
    `MATCH (s:${Label.Source}) WHERE s.publisherKey IS NOT NULL AND NOT EXISTS { (s)-[:${Rel.PUBLISHED_BY}]->() }
MERGE (p:${Label.Publisher} {id: 'publisher:' + replace(s.publisherKey, ' ', '-')})
ON CREATE SET p.name = s.publisher, p.key = s.publisherKey
MERGE (s)-[:${Rel.PUBLISHED_BY}]->(p)`,
    ...ENTITY_LABELS.filter((label) => label !== Label.Source).map(
      (label) => `MATCH (n:${label}) WHERE n.sourceCount IS NULL AND EXISTS { (n)<-[:${Rel.MENTIONS}]-() }
${RECOUNT_MENTIONS}`,
    ),
  ];
}

/** True when every constraint and index above exists and is online (used by /ready). */
export async function isGraphSchemaApplied(db: GraphDatabase): Promise<boolean> {
  const rows = await db.read({
    cypher: `SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names`,
    params: {},
  });
  const online = new Set((rows[0]?.names as string[] | undefined) ?? []);
  return schemaStatements().every((statement) => online.has(schemaObjectName(statement)));
}

/** The name a CREATE CONSTRAINT / CREATE [FULLTEXT] INDEX statement gives its index. */
function schemaObjectName(statement: string): string {
  const match = /^CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+)/.exec(statement);
  if (!match) throw new Error(`Not a schema statement: ${statement}`);
  return match[1];
}
