/**
 * The entities an article could mean, in one statement: every nation and every topic (a small,
 * closed vocabulary the drafter matches against itself), plus the officials, organizations and
 * places whose name or alias holds the article's names, accents ignored and a letter off allowed
 * in longer words. Candidates, not decisions: the drafter decides which one a mention means.
 * Every part is bounded, so the answer stays small however large the graph grows.
 */
import type { DraftEntityKind, KnownEntity } from '../extract/draft.types';
import { cypher, type CypherQuery } from './cypher';
import type { Row } from './database';
import { Label, NAMED_LABELS, Rel, type NamedLabel } from './model';
import { FULLTEXT } from './schema';
import { luceneNearName, luceneTerms, MAX_SEARCH_TEXT_LENGTH } from './text';
import { int } from './values';
import { visible } from './visible';

/** Most names one lookup takes; more are ignored (an article has a few hundred at most). */
export const MAX_LOOKUP_NAMES = 2000;
/** Longest name looked up, in words: each word is a Lucene clause. Longer names are skipped. */
export const MAX_LOOKUP_WORDS = 8;
/** Nations returned, all of them in any real graph (there are fewer than 250). */
export const MAX_KNOWN_NATIONS = 1000;
/** Topics returned: the whole taxonomy, which analysts curate by hand (the seed has 10). */
export const MAX_KNOWN_TOPICS = 5000;
/** Entities one name may find (the best-scored): a name shared by more is too common to help. */
export const MAX_MATCHES_PER_NAME = 10;
/** Officials, organizations and places returned for all names together. */
export const MAX_MATCHED_ENTITIES = 2000;
/** Role titles returned per official. */
export const MAX_OFFICES = 20;
/** The most rows a lookup can return. */
export const MAX_KNOWN_ENTITY_ROWS = MAX_KNOWN_NATIONS + MAX_KNOWN_TOPICS + MAX_MATCHED_ENTITIES;

/** Labels found by name rather than listed whole. */
const MATCHED_LABELS = [Label.Official, Label.Organization, Label.Place] as const;

const KIND: Record<NamedLabel, DraftEntityKind> = {
  Nation: 'NATION',
  Official: 'OFFICIAL',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  Topic: 'TOPIC',
};

/** The Lucene query of each name worth a lookup: distinct, bounded in number, length and words. */
export function nameLookups(names: readonly string[]): string[] {
  const lookups = new Set<string>();
  for (const name of names.slice(0, MAX_LOOKUP_NAMES)) {
    if (name.length > MAX_SEARCH_TEXT_LENGTH || luceneTerms(name).length > MAX_LOOKUP_WORDS) continue;
    const lucene = luceneNearName(name);
    if (lucene) lookups.add(lucene);
  }
  return [...lookups];
}

const KNOWN_ENTITY_COLUMNS = `RETURN n.id AS id,
       [label IN labels(n) WHERE label IN $namedLabels][0] AS label,
       n.name AS name,
       coalesce(n.aliases, []) AS aliases,
       CASE WHEN n:${Label.Official} THEN COLLECT {
         MATCH (n)-[:${Rel.NATIONAL_OF}]->(nation:${Label.Nation}) RETURN nation.id ORDER BY nation.id LIMIT 1
       }[0] END AS nation,
       CASE WHEN n:${Label.Official} THEN COLLECT {
         MATCH (n)-[:${Rel.HOLDS_ROLE}]->(role:${Label.Role}) WHERE ${visible('role')}
         RETURN DISTINCT role.title AS title ORDER BY title LIMIT $maxOffices
       } END AS offices`;

/** The part that finds entities of `labels` by the names' Lucene lookups. */
function byName(labels: readonly NamedLabel[]): string {
  return `UNWIND $lookups AS lookup
  CALL db.index.fulltext.queryNodes('${FULLTEXT.names}', lookup, {limit: $perName}) YIELD node, score
  WHERE ${labels.map((label) => `node:${label}`).join(' OR ')}
  WITH node, max(score) AS best
  ORDER BY best DESC, node.id LIMIT $maxMatched
  RETURN node AS n`;
}

function namedParams(names: readonly string[]) {
  return {
    lookups: nameLookups(names),
    namedLabels: [...NAMED_LABELS],
    perName: int(MAX_MATCHES_PER_NAME),
    maxMatched: int(MAX_MATCHED_ENTITIES),
    maxOffices: int(MAX_OFFICES),
  };
}

export function knownEntitiesQuery(names: readonly string[]): CypherQuery {
  return cypher(
    `CALL () {
  MATCH (n:${Label.Nation})
  RETURN n ORDER BY n.id LIMIT $maxNations
  UNION ALL
  MATCH (n:${Label.Topic})
  RETURN n ORDER BY n.id LIMIT $maxTopics
  UNION ALL
  ${byName(MATCHED_LABELS)}
}
${KNOWN_ENTITY_COLUMNS}`,
    { ...namedParams(names), maxNations: int(MAX_KNOWN_NATIONS), maxTopics: int(MAX_KNOWN_TOPICS) },
  );
}

/**
 * Only the entities of `labels` whose names hold these names (a letter off allowed in longer
 * words): what an import needs to resolve its new entities, without listing whole vocabularies.
 */
export function entitiesNamedQuery(names: readonly string[], labels: readonly NamedLabel[]): CypherQuery {
  return cypher(`CALL () {\n  ${byName(labels)}\n}\n${KNOWN_ENTITY_COLUMNS}`, namedParams(names));
}

/** A row of knownEntitiesQuery as the drafter takes it. */
export function knownEntityFromRow(row: Row): KnownEntity {
  const kind = KIND[row.label as NamedLabel];
  const entity: KnownEntity = {
    id: row.id as string,
    kind,
    name: row.name as string,
    aliases: (row.aliases as string[] | null) ?? [],
  };
  if (kind === 'OFFICIAL') {
    entity.nation = (row.nation as string | null) ?? null;
    entity.offices = (row.offices as string[] | null) ?? [];
  }
  return entity;
}
