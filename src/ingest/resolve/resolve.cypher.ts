/**
 * The reads and writes of same-event matching: aliases of ids, the stored candidates a new record
 * may be (meetings near its date, a speaker's statements, a holder's positions, an official's
 * roles), and the records of each decision. Labels and types come from graph/model constants.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';

/** Most stored meetings one new meeting is compared with (a day holds far fewer in any real graph). */
export const MAX_MEETING_CANDIDATES = 200;
/** Most stored statements or positions one new record is compared with. */
export const MAX_FACT_CANDIDATES = 200;
/** How far up a place's WITHIN chain "one place lies within the other" looks. */
export const MAX_PLACE_DEPTH = 4;

/**
 * What the graph knows of a document's ids, in one round trip: `{id, target}` for each id that is
 * an alias (target: the node it names), `{id, target: null}` for each id the graph holds itself.
 */
export function identifyIdsQuery(byLabel: ReadonlyMap<Label, readonly string[]>): CypherQuery {
  const labels = [...byLabel.keys()];
  const params: Record<string, unknown> = { all: [...new Set([...byLabel.values()].flat())] };
  const parts = [
    `UNWIND $all AS id
  MATCH (:${Label.IdAlias} {id: id})-[:${Rel.ALIAS_OF}]->(n)
  RETURN id, n.id AS target`,
    ...labels.map((label, index) => {
      params[`ids${index}`] = [...new Set(byLabel.get(label))];
      return `UNWIND $ids${index} AS id
  MATCH (:${label} {id: id})
  RETURN id, null AS target`;
    }),
  ];
  return cypher(`CALL () {\n  ${parts.join('\n  UNION ALL\n  ')}\n}\nRETURN id, target`, params);
}

/** Which of these ids became aliases (an editor merged their node away): `{id}`. */
export function aliasedIdsQuery(ids: readonly string[]): CypherQuery {
  return cypher(`UNWIND $ids AS id MATCH (:${Label.IdAlias} {id: id}) RETURN id`, { ids: [...ids] });
}

/** Each place with the places it lies within: `{id, chain}` (the place itself first). */
export function placeChainsQuery(ids: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $ids AS id
MATCH (p:${Label.Place} {id: id})
RETURN id, [id] + COLLECT { MATCH (p)-[:${Rel.WITHIN}*1..${MAX_PLACE_DEPTH}]->(up:${Label.Place}) RETURN DISTINCT up.id } AS chain`,
    { ids: [...ids] },
  );
}

/**
 * Stored meetings dated between `from` and `to` (inclusive, YYYY-MM-DD), with what scoring reads:
 * title, date, the place chain, conveners, and chairs and participants together.
 */
export function meetingCandidatesQuery(
  windows: readonly { key: string; from: string; to: string }[],
): CypherQuery {
  return cypher(
    `UNWIND $windows AS window
CALL (window) {
  MATCH (m:${Label.Meeting})
  WHERE m.date >= window.from AND m.date <= window.to AND ${visible('m')}
  RETURN m ORDER BY m.date, m.id LIMIT $max
}
RETURN window.key AS key, m.id AS id, m.date AS date, m.title AS title, m.status AS status,
  COLLECT {
    MATCH (m)-[:${Rel.HELD_AT}]->(p:${Label.Place})-[:${Rel.WITHIN}*0..${MAX_PLACE_DEPTH}]->(up:${Label.Place})
    RETURN DISTINCT up.id
  } AS places,
  COLLECT { MATCH (o:${Label.Organization})-[:${Rel.CONVENED}]->(m) RETURN o.id } AS conveners,
  COLLECT { MATCH (a:${Label.Actor})-[:${Rel.ATTENDED}|${Rel.CHAIRED}]->(m) RETURN DISTINCT a.id } AS people`,
    { windows: [...windows], max: int(MAX_MEETING_CANDIDATES) },
  );
}

/** Statements an actor of one label said, dated (or first reported) within each row's window. */
export function statementCandidatesQuery(
  label: ActorLabel,
  rows: readonly { key: string; speaker: string; from: string; to: string }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
CALL (row) {
  MATCH (:${label} {id: row.speaker})-[:${Rel.SAID}]->(s:${Label.Statement})
  WITH s, coalesce(s.date, s.firstReported) AS day
  WHERE ${visible('s')} AND day >= row.from AND day <= row.to
  RETURN s ORDER BY s.id LIMIT $max
}
RETURN row.key AS key, s.id AS id, s.text AS text,
  COLLECT { MATCH (s)-[:${Rel.MADE_AT}]->(m:${Label.Meeting}) RETURN m.id }[0] AS meeting`,
    { rows: [...rows], max: int(MAX_FACT_CANDIDATES) },
  );
}

/** Positions an actor of one label took on a topic with a stance, dated (or first reported) in the window. */
export function positionCandidatesQuery(
  label: ActorLabel,
  rows: readonly { key: string; holder: string; topic: string; stance: string; from: string; to: string }[],
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
CALL (row) {
  MATCH (:${label} {id: row.holder})-[:${Rel.TOOK}]->(p:${Label.Position})-[:${Rel.ABOUT}]->(:${Label.Topic} {id: row.topic})
  WITH p, coalesce(p.date, p.firstReported) AS day
  WHERE ${visible('p')} AND p.stance = row.stance AND day >= row.from AND day <= row.to
  RETURN p, day ORDER BY day, p.id LIMIT $max
}
RETURN row.key AS key, p.id AS id, day`,
    { rows: [...rows], max: int(MAX_FACT_CANDIDATES) },
  );
}

/** The roles each official holds: `{official, id, title, nation, organization}`. */
export function rolesOfQuery(officials: readonly string[]): CypherQuery {
  return cypher(
    `UNWIND $officials AS official
MATCH (:${Label.Official} {id: official})-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role})
WHERE ${visible('r')}
RETURN official, r.id AS id, r.title AS title,
  COLLECT { MATCH (r)-[:${Rel.ROLE_FOR_NATION}]->(n:${Label.Nation}) RETURN n.id }[0] AS nation,
  COLLECT { MATCH (r)-[:${Rel.ROLE_IN}]->(o:${Label.Organization}) RETURN o.id }[0] AS organization`,
    { officials: [...officials] },
  );
}

export interface AliasRow {
  alias: string;
  id: string;
  reason: string;
  score: number;
}

/** Records each match: the document's id becomes an alias of the stored node. Idempotent. */
export function writeAliasesQuery(
  label: Label,
  rows: readonly AliasRow[],
  sourceId: string,
  decidedAt: string,
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
MERGE (a:${Label.IdAlias} {id: row.alias})
ON CREATE SET a.reason = row.reason, a.score = row.score, a.sourceId = $sourceId, a.decidedAt = $decidedAt, a.via = 'match'
MERGE (a)-[:${Rel.ALIAS_OF}]->(n)`,
    { rows: [...rows], sourceId, decidedAt },
  );
}

export interface DuplicateRow {
  from: string;
  to: string;
  reason: string;
  score: number;
}

/** Links a new entity to a stored one it may duplicate, for an editor to merge or dismiss. */
export function writePossibleDuplicatesQuery(
  label: Label,
  rows: readonly DuplicateRow[],
  sourceId: string,
  at: string,
): CypherQuery {
  return cypher(
    `UNWIND $rows AS row
MATCH (a:${label} {id: row.from})
MATCH (b:${label} {id: row.to})
MERGE (a)-[d:${Rel.POSSIBLE_DUPLICATE}]->(b)
ON CREATE SET d.reason = row.reason, d.score = row.score, d.sourceId = $sourceId, d.at = $at`,
    { rows: [...rows], sourceId, at },
  );
}
