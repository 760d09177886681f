/**
 * An actor's timeline (modules/analysis) merges the facts it took part in by date. Each link from
 * an actor to such a fact carries copies of the actor's id and of the fact's timeline key, behind
 * a composite range index per link type, so a page of one actor's facts is read in key order from
 * those indexes instead of sorting every fact the actor (a nation and its officials) ever had.
 * Every write that creates, moves or restores such a link, or changes a fact's date, re-derives
 * the copies with the rules below; startup's schema step backfills older graphs.
 */
import { cypher, type CypherQuery } from './cypher';
import { ACTOR_LABELS, isActorLabel, Label, Rel, type ActorLabel } from './model';
import type { IndexedWalks } from './page-spec';
import { int } from './values';

/** The links from an actor to a fact of its timeline, with the fact's label. */
export const TIMELINE_LINKS = [
  { type: Rel.ATTENDED, fact: Label.Meeting },
  { type: Rel.CHAIRED, fact: Label.Meeting },
  { type: Rel.SAID, fact: Label.Statement },
  { type: Rel.TOOK, fact: Label.Position },
] as const;

const TIMELINE_TYPES = TIMELINE_LINKS.map((link) => link.type).join('|');
const FACT_LABELS: readonly Label[] = [...new Set(TIMELINE_LINKS.map((link) => link.fact))];

/** The link's copy of its actor's id. */
export const LINK_ACTOR_ID = 'actorId';
/** The link's copy of its fact's timeline key (timelineKey). */
export const LINK_TIMELINE_KEY = 'timelineKey';

/**
 * A fact's place in a timeline: its date, or '~' when undated ('~' sorts after every ISO date,
 * so undated facts come last, and nothing the actor did is silently missing).
 */
export function timelineKey(fact: string): string {
  return `coalesce(toString(${fact}.date), '~')`;
}

export function isTimelineLink(type: Rel): boolean {
  return TIMELINE_LINKS.some((link) => link.type === type);
}

/** Meetings, statements and positions: whose date is their links' timeline key. */
export function isTimelineFact(label: Label): boolean {
  return FACT_LABELS.includes(label);
}

/** Sets both copies on link `link` from `actor` to `fact`. */
export function setTimelineCopies(link: string, actor: string, fact: string): string {
  return `SET ${link}.${LINK_ACTOR_ID} = ${actor}.id, ${link}.${LINK_TIMELINE_KEY} = ${timelineKey(fact)}`;
}

/** A unit subquery for statements that have just set fact `fact`'s date: its links' keys follow. */
export function refreshTimelineKeys(fact: string): string {
  return `CALL (${fact}) { MATCH (${fact})<-[timelineLink:${TIMELINE_TYPES}]-() SET timelineLink.${LINK_TIMELINE_KEY} = ${timelineKey(fact)} }`;
}

/** One CREATE INDEX per link type: (actorId, timelineKey). */
export function timelineIndexStatements(): string[] {
  return TIMELINE_LINKS.map(
    ({ type }) =>
      `CREATE INDEX ${type.toLowerCase()}_actor_timeline IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${LINK_ACTOR_ID}, r.${LINK_TIMELINE_KEY})`,
  );
}

/**
 * Re-derives the copies on every timeline link of these nodes, after a merge or its undo moved or
 * restored links: an actor's outgoing ones, a fact's incoming ones. Null for other labels.
 */
export function syncTimelineCopiesQuery(label: Label, ids: readonly string[]): CypherQuery | null {
  const pattern = isActorLabel(label)
    ? `(a:${label} {id: id})-[r:${TIMELINE_TYPES}]->(n)`
    : isTimelineFact(label)
      ? `(n:${label} {id: id})<-[r:${TIMELINE_TYPES}]-(a)`
      : null;
  if (!pattern) return null;
  return cypher(`UNWIND $ids AS id MATCH ${pattern} ${setTimelineCopies('r', 'a', 'n')}`, { ids: [...ids] });
}

/** How many links one backfill statement sets at most, so each transaction stays small. */
export const TIMELINE_BACKFILL_BATCH = 20_000;

/** One batch of the backfill: links lacking the copies. Returns how many it set; rerun until 0. */
export function timelineBackfillQuery(): CypherQuery {
  return cypher(
    `MATCH (a:${ACTOR_LABELS.join('|')})-[r:${TIMELINE_TYPES}]->(n) WHERE r.${LINK_ACTOR_ID} IS NULL
WITH a, r, n LIMIT $batch
${setTimelineCopies('r', 'a', 'n')}
RETURN count(r) AS set`,
    { batch: int(TIMELINE_BACKFILL_BATCH) },
  );
}

/**
 * Index walks over the links of these types of the actor whose id is in `$<parameter>` and, for a
 * nation, of its officials (it speaks and meets through them): one walk per actor and type, in
 * timeline-key order. A meeting's key is its date (a meeting always has one), so the walks also
 * serve date-ordered meeting listings.
 */
export function actorLinkWalks(
  label: ActorLabel,
  parameter: string,
  types: readonly (typeof TIMELINE_LINKS)[number]['type'][],
): Pick<IndexedWalks, 'walks' | 'along' | 'equal' | 'property'> {
  return {
    walks: `MATCH (:${label} {id: $${parameter}})<-[:${Rel.NATIONAL_OF}*0..1]-(actor:${Label.Actor})
    WITH collect(DISTINCT actor.id) AS actorIds UNWIND actorIds AS actorId`,
    // The copies are set on links from actors only, so the start needs no label check.
    along: TIMELINE_LINKS.filter((link) => types.includes(link.type)).map(({ type, fact }) => ({
      pattern: `()-[e:${type}]->(n:${fact})`,
      entity: 'e' as const,
    })),
    equal: [{ property: LINK_ACTOR_ID, variable: 'actorId' }],
    property: LINK_TIMELINE_KEY,
  };
}
