/**
 * The reads behind `timeSeries` and `countBy`: facts counted in the database (per day, per group),
 * so an answer carries counts, never the facts themselves. One statement per request.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import { TIMELINE_LINKS } from '../../graph/timeline-links.cypher';
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
function actorLinks(measure: FactMeasure): string {
  return TIMELINE_LINKS.filter((link) => link.fact === FACT_LABEL[measure])
    .map((link) => link.type)
    .join('|');
}

/**
 * Binds `n` to each matching fact once. It starts from the narrowest anchor: the actor (and, for a
 * nation, its officials) when given, else the topic and its narrower ones, else the label, where
 * the date bounds are sought in its date index.
 */
function matchFacts(criteria: FactCountCriteria): CypherQuery {
  const fact = FACT_LABEL[criteria.measure];
  const aboutTopic = `(:${Label.Topic} {id: $topic})<-[:${Rel.BROADER}*0..${TAXONOMY_DEPTH}]-(:${Label.Topic})<-[:${Rel.ABOUT}]-`;
  const conditions = [visible('n')];
  let match: string;
  if (criteria.actor) {
    match = `MATCH (:${criteria.actor.label} {id: $actor})${SELF_OR_OFFICIALS}-[:${actorLinks(criteria.measure)}]->(n:${fact})`;
    if (criteria.topic) conditions.push(`EXISTS { ${aboutTopic}(n) }`);
  } else if (criteria.topic) {
    match = `MATCH ${aboutTopic}(n:${fact})`;
  } else {
    match = `MATCH (n:${fact})`;
  }
  if (criteria.from) conditions.push('n.date >= $from');
  if (criteria.to) conditions.push('n.date <= $to');
  if (criteria.stance) conditions.push('n.stance = $stance');
  return cypher(`${match}\nWHERE ${conditions.join(' AND ')}\nWITH DISTINCT n`, {
    actor: criteria.actor?.id ?? null,
    topic: criteria.topic,
    stance: criteria.stance,
    from: criteria.from,
    to: criteria.to,
  });
}

/**
 * Rows of `key`, `label` and `count` (distinct facts of `n` in each group) from the facts bound to
 * `n`, whose measure is `measure`.
 */
function countPerGroup(measure: FactMeasure, grouping: CountGrouping): string {
  const links = actorLinks(measure);
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
