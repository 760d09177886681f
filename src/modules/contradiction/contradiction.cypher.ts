/**
 * The bounded reads behind `contradictions`: per kind, the subjects whose facts could disagree
 * (two values of a meeting's claim, two titles of an official, opposite stances of a holder on a
 * topic), each with its facts, their evidence and what the rules need (reported dates, enclosing
 * places). The rules themselves are decided in contradiction.rules.ts; these reads only narrow.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { Label, Rel, type ActorLabel } from '../../graph/model';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { reportedDate } from '../corroboration/reported-date.cypher';
import { evidenceItems } from '../evidence/evidence.cypher';

/** Subjects read per kind (in the order given below), and facts read per subject. */
export const MAX_CONTRADICTION_SUBJECTS = 500;
export const MAX_FACTS_PER_SUBJECT = 200;

/** How far "one place lies within the other" looks up the place hierarchy (as the place filter). */
const WITHIN_DEPTH = 5;

function limits() {
  return { maxSubjects: int(MAX_CONTRADICTION_SUBJECTS), maxFacts: int(MAX_FACTS_PER_SUBJECT) };
}

/**
 * Meetings with two or more values of one claimed field (and unit), in date order; `fields` are
 * the claim fields asked for. A meeting of the range `from`..`to` (its own date), or just `meeting`.
 */
export function claimCandidatesQuery(options: {
  fields: readonly string[];
  placeField: string;
  meeting: string | null;
  from: string | null;
  to: string | null;
}): CypherQuery {
  const conditions = [visible('m'), 'c.field IN $fields'];
  if (options.from) conditions.push('m.date >= $from');
  if (options.to) conditions.push('m.date <= $to');
  const meeting = options.meeting ? ` {id: $meeting}` : '';
  return cypher(
    `MATCH (m:${Label.Meeting}${meeting})<-[:${Rel.CLAIM_ABOUT}]-(c:${Label.Claim})
WHERE ${conditions.join(' AND ')}
WITH m, c.field AS field, coalesce(c.unit, '') AS unit, collect(DISTINCT coalesce(toString(c.number), c.value)) AS values
WHERE size(values) >= 2
WITH m, field, unit ORDER BY m.date, m.id, field, unit LIMIT $maxSubjects
CALL (m, field, unit) {
  MATCH (m)<-[:${Rel.CLAIM_ABOUT}]-(c:${Label.Claim})
  WHERE c.field = field AND coalesce(c.unit, '') = unit
  WITH c ORDER BY c.publishedAt, c.id LIMIT $maxFacts
  RETURN collect({
    claim: c {.id, .value, .number, .unit, .approximate, .publishedAt},
    sourceId: coalesce(head(COLLECT { MATCH (c)-[:${Rel.CLAIMED_IN}]->(s:${Label.Source}) RETURN s.id }), c.sourceId),
    within: CASE WHEN c.field = $placeField THEN COLLECT { MATCH (:${Label.Place} {id: c.value})-[:${Rel.WITHIN}*1..${WITHIN_DEPTH}]->(a:${Label.Place}) RETURN DISTINCT a.id } ELSE [] END,
    evidence: ${evidenceItems('c', 'e')}
  }) AS claims
}
RETURN properties(m) AS subject, field, unit, claims
ORDER BY m.date, m.id, field, unit`,
    {
      fields: [...options.fields],
      placeField: options.placeField,
      meeting: options.meeting,
      from: options.from,
      to: options.to,
      ...limits(),
    },
  );
}

/** Officials holding roles of two or more titles, in id order, with every visible role. */
export function officeCandidatesQuery(official: string | null): CypherQuery {
  const anchor = official ? ` {id: $official}` : '';
  return cypher(
    `MATCH (o:${Label.Official}${anchor})-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role})
WHERE ${visible('r')}
WITH o, collect(DISTINCT r.title) AS titles
WHERE size(titles) >= 2
WITH o ORDER BY o.id LIMIT $maxSubjects
CALL (o) {
  MATCH (o)-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role})
  WHERE ${visible('r')}
  WITH r ORDER BY r.id LIMIT $maxFacts
  RETURN collect({
    fact: properties(r),
    nation: head(COLLECT { MATCH (r)-[:${Rel.ROLE_FOR_NATION}]->(x:${Label.Nation}) RETURN x.id }),
    organization: head(COLLECT { MATCH (r)-[:${Rel.ROLE_IN}]->(y:${Label.Organization}) RETURN y.id }),
    evidence: ${evidenceItems('r', 'e')}
  }) AS facts
}
RETURN properties(o) AS subject, facts
ORDER BY o.id`,
    { official, ...limits() },
  );
}

/**
 * Holders with opposite stances on one topic (`opposite`: the pairs of contradiction.rules.ts),
 * in holder and topic id order, with every visible position of the pair and its reported date.
 * `holder` (with its label) anchors the read on one actor.
 */
export function stanceCandidatesQuery(
  opposite: readonly (readonly [string, string])[],
  holder: { id: string; label: ActorLabel } | null,
): CypherQuery {
  const anchor = holder ? `:${holder.label} {id: $holder}` : `:${Label.Actor}`;
  return cypher(
    `MATCH (h${anchor})-[:${Rel.TOOK}]->(p:${Label.Position})-[:${Rel.ABOUT}]->(t:${Label.Topic})
WHERE ${visible('p')}
WITH h, t, collect(DISTINCT p.stance) AS stances
WHERE any(pair IN $opposite WHERE pair[0] IN stances AND pair[1] IN stances)
WITH h, t ORDER BY h.id, t.id LIMIT $maxSubjects
CALL (h, t) {
  MATCH (h)-[:${Rel.TOOK}]->(p:${Label.Position})-[:${Rel.ABOUT}]->(t)
  WHERE ${visible('p')}
  WITH p, ${reportedDate('p', 's')} AS reported
  ORDER BY reported, p.id LIMIT $maxFacts
  RETURN collect({fact: properties(p), reported: reported, evidence: ${evidenceItems('p', 'e')}}) AS facts
}
RETURN properties(h) AS subject, properties(t) AS topic, facts
ORDER BY h.id, t.id`,
    { opposite: opposite.map((pair) => [...pair]), holder: holder?.id ?? null, ...limits() },
  );
}
