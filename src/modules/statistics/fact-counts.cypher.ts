/**
 * The reads behind `timeSeries` and `countBy`: facts counted in the database (per day, per group),
 * so an answer carries counts, never the facts themselves. One statement per request.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import {
  actorLinkWalks,
  LINK_ACTOR_ID,
  LINK_TIMELINE_KEY,
  TIMELINE_LINKS,
} from '../../graph/timeline-links.cypher';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { SELF_OR_OFFICIALS } from '../analysis/analysis.cypher';
import { TAXONOMY_DEPTH } from '../topic/topic.cypher';
import { CountGrouping, FactMeasure } from './statistics.type';

/** The facts to count, already checked (see statistics.service.ts). */
export interface FactCountCriteria {
  measure: FactMeasure;
  actor: { id: string; label: ActorLabel } | null;
  topic: string | null;
  stance: string | null;
  /** Inclusive YYYY-MM-DD bounds; either one leaves undated facts out. */
  from: string | null;
  to: string | null;
}

const FACT_LABEL: Record<FactMeasure, Label> = {
  [FactMeasure.MEETINGS]: Label.Meeting,
  [FactMeasure.STATEMENTS]: Label.Statement,
  [FactMeasure.POSITIONS]: Label.Position,
};

/** How actors reach a fact of this measure (attended or chaired, said, took): the timeline's links. */
function actorLinkTypes(measure: FactMeasure) {
  return TIMELINE_LINKS.filter((link) => link.fact === FACT_LABEL[measure]).map((link) => link.type);
}

/**
 * Binds `n` to each matching fact once. It starts from the narrowest anchor: the actor (and, for a
 * nation, its officials) when given, with date bounds sought in its links' index; else the topic
 * and its narrower ones; else the label, with date bounds sought in its date index.
 */
function matchFacts(criteria: FactCountCriteria): CypherQuery {
  const fact = FACT_LABEL[criteria.measure];
  const aboutTopic = `(:${Label.Topic} {id: $topic})<-[:${Rel.BROADER}*0..${TAXONOMY_DEPTH}]-(:${Label.Topic})<-[:${Rel.ABOUT}]-`;
  const conditions = [visible('n')];
  if (criteria.from) conditions.push('n.date >= $from');
  if (criteria.to) conditions.push('n.date <= $to');
  if (criteria.stance) conditions.push('n.stance = $stance');
  if (criteria.actor && criteria.topic) conditions.push(`EXISTS { ${aboutTopic}(n) }`);
  const where = conditions.join(' AND ');
  let match: string;
  if (criteria.actor && (criteria.from || criteria.to)) {
    // The dates are checked on the fact too: the links' keys only narrow the seek.
    match = `${actorLinksInRange(criteria.actor.label, criteria.measure, criteria)}\nWITH n WHERE ${where}`;
  } else if (criteria.actor) {
    match = `MATCH (:${criteria.actor.label} {id: $actor})${SELF_OR_OFFICIALS}-[:${actorLinkTypes(criteria.measure).join('|')}]->(n:${fact})\nWHERE ${where}`;
  } else if (criteria.topic) {
    match = `MATCH ${aboutTopic}(n:${fact})\nWHERE ${where}`;
  } else {
    match = `MATCH (n:${fact})\nWHERE ${where}`;
  }
  return cypher(`${match}\nWITH DISTINCT n`, {
    actor: criteria.actor?.id ?? null,
    topic: criteria.topic,
    stance: criteria.stance,
    from: criteria.from,
    to: criteria.to,
  });
}

/**
 * The facts of an actor (a nation with its officials) dated within the bounds, sought in the
 * links' (actorId, timelineKey) indexes the timeline reads (timeline-links.cypher.ts): one seek
 * per actor and link type rather than every fact the actor ever took part in. A key is the fact's
 * date, or '~' when undated, which sorts after every date: an upper bound leaves undated facts out,
 * and a lower bound alone lets them through to the date check that follows.
 */
function actorLinksInRange(
  label: ActorLabel,
  measure: FactMeasure,
  bounds: { from: string | null; to: string | null },
): string {
  const fact = FACT_LABEL[measure];
  const links = actorLinkTypes(measure);
  const { walks } = actorLinkWalks(label, 'actor', links);
  const seek = [
    `e.${LINK_ACTOR_ID} = actorId`,
    ...(bounds.from ? [`e.${LINK_TIMELINE_KEY} >= $from`] : []),
    ...(bounds.to ? [`e.${LINK_TIMELINE_KEY} <= $to`] : []),
  ].join(' AND ');
  // The hint keeps the seek when the planner's statistics would favour the fact's date index
  // instead (a busy actor in a narrow range costs the same either way; a quiet one does not).
  const branches = links.map(
    (type) =>
      `MATCH ()-[e:${type}]->(n:${fact}) USING INDEX e:${type}(${LINK_ACTOR_ID}, ${LINK_TIMELINE_KEY}) WHERE ${seek} RETURN n`,
  );
  return `${walks}\nCALL (actorId) {\n${branches.join('\nUNION\n')}\n}`;
}

/**
 * Rows of `key`, `label` and `count` (distinct facts of `n` in each group) from the facts bound to
 * `n`, whose measure is `measure`.
 */
function countPerGroup(measure: FactMeasure, grouping: CountGrouping): string {
  const links = actorLinkTypes(measure).join('|');
  const count = 'count(DISTINCT n) AS count';
  switch (grouping) {
    case CountGrouping.NATION:
      // An actor that is a nation (0 hops), or an official's nation (1 hop); organizations have none.
      return `MATCH (n)<-[:${links}]-(:${Label.Actor})-[:${Rel.NATIONAL_OF}*0..1]->(g:${Label.Nation})
WITH g.id AS key, g.name AS label, ${count}`;
    case CountGrouping.ORGANIZATION:
      return `MATCH (n)<-[:${links}]-(g:${Label.Organization})
WITH g.id AS key, g.name AS label, ${count}`;
    case CountGrouping.TOPIC:
      return `MATCH (n)-[:${Rel.ABOUT}]->(g:${Label.Topic})
WITH g.id AS key, g.name AS label, ${count}`;
    case CountGrouping.STANCE:
      return `WITH n WHERE n.stance IS NOT NULL
WITH n.stance AS key, n.stance AS label, ${count}`;
  }
}

/**
 * One row per day with facts in [from, to]: `day`, `count` (distinct facts that day) and, with a
 * grouping, `groups` ({key, label, count} per group that day). Buckets are built from these in
 * TypeScript (time-buckets.ts): the database never sees the calendar.
 */
export function dailyFactCountsQuery(
  criteria: FactCountCriteria & { from: string; to: string },
  grouping: CountGrouping | null,
): CypherQuery {
  const facts = matchFacts(criteria);
  const groups = grouping
    ? `CALL (facts) {
UNWIND facts AS n
${countPerGroup(criteria.measure, grouping)}
RETURN collect({key: key, label: label, count: count}) AS groups
}`
    : 'WITH day, facts, [] AS groups';
  return cypher(
    `${facts.cypher}
WITH left(toString(n.date), 10) AS day, collect(n) AS facts
${groups}
RETURN day, size(facts) AS count, groups
ORDER BY day`,
    facts.params,
  );
}

/** The `limit` largest groups (ties by key) of the matching facts: `key`, `label`, `count`. */
export function factCountsByGroupQuery(
  criteria: FactCountCriteria,
  grouping: CountGrouping,
  limit: number,
): CypherQuery {
  const facts = matchFacts(criteria);
  return cypher(
    `${facts.cypher}
${countPerGroup(criteria.measure, grouping)}
RETURN key, label, count
ORDER BY count DESC, key
LIMIT $limit`,
    { ...facts.params, limit: int(limit) },
  );
}
