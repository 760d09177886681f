/**
 * The graph's vocabulary: every label and relationship type the API uses, in one place.
 * Cypher is built only from these constants, never from user input, so a label or type can't be injected.
 */

export const Label = {
  Nation: 'Nation',
  Official: 'Official',
  Organization: 'Organization',
  /** Extra label on Nation, Official and Organization: anything that can speak, attend or hold a stance. */
  Actor: 'Actor',
  Role: 'Role',
  Place: 'Place',
  Topic: 'Topic',
  Meeting: 'Meeting',
  Statement: 'Statement',
  Position: 'Position',
  Source: 'Source',
  Evidence: 'Evidence',
  /** Audit record of a retraction (who, when, why). */
  Retraction: 'Retraction',
  /** A named lock (graph/write-locks.ts), e.g. of the topic taxonomy: bookkeeping, never read. */
  WriteLock: 'WriteLock',
  /** An id a document gave to a node the graph already held: the match or merge decision, with its reason. */
  IdAlias: 'IdAlias',
  /** What one source says about one attribute of a fact (a date, a place, a figure). */
  Claim: 'Claim',
  /** Who published sources, with its reliability grade (A-F). */
  Publisher: 'Publisher',
  /** Audit record of an editor's merge of two entities, holding what undoing it needs. */
  MergeRecord: 'MergeRecord',
  /** Audit record of a reliability grade or a credibility rating: who, when, why. */
  Assessment: 'Assessment',
} as const;
export type Label = (typeof Label)[keyof typeof Label];

/** Labels of actors: anything that can speak, attend, chair or take a stance (they also carry :Actor). */
export const ACTOR_LABELS = [Label.Nation, Label.Official, Label.Organization] as const;
export type ActorLabel = (typeof ACTOR_LABELS)[number];

/** Labels of named entities: a `name`, `aliases` and the folded `nameText` the name index reads. */
export const NAMED_LABELS = [
  Label.Nation,
  Label.Official,
  Label.Organization,
  Label.Topic,
  Label.Place,
] as const;
export type NamedLabel = (typeof NAMED_LABELS)[number];

/** Labels whose nodes are public entities with a type-prefixed id (`nation:gbr`). */
export const ENTITY_LABELS = [
  Label.Nation,
  Label.Official,
  Label.Organization,
  Label.Role,
  Label.Place,
  Label.Topic,
  Label.Meeting,
  Label.Statement,
  Label.Position,
  Label.Source,
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** The id prefix of each entity label: `meeting:2025-04-10-...` lives under :Meeting. */
export const ID_PREFIX: Record<EntityLabel, string> = {
  Nation: 'nation',
  Official: 'official',
  Organization: 'organization',
  Role: 'role',
  Place: 'place',
  Topic: 'topic',
  Meeting: 'meeting',
  Statement: 'statement',
  Position: 'position',
  Source: 'source',
};

export const Rel = {
  /** (Official)-[:NATIONAL_OF]->(Nation) */
  NATIONAL_OF: 'NATIONAL_OF',
  /** (Official)-[:HOLDS_ROLE]->(Role) */
  HOLDS_ROLE: 'HOLDS_ROLE',
  /** (Role)-[:ROLE_FOR_NATION]->(Nation) */
  ROLE_FOR_NATION: 'ROLE_FOR_NATION',
  /** (Role)-[:ROLE_IN]->(Organization) */
  ROLE_IN: 'ROLE_IN',
  /** (Nation)-[:MEMBER_OF {evidence: [evidenceId]}]->(Organization) */
  MEMBER_OF: 'MEMBER_OF',
  /** (Actor)-[:LEADS {evidence: [evidenceId]}]->(Organization) */
  LEADS: 'LEADS',
  /** (Place)-[:WITHIN]->(Place) */
  WITHIN: 'WITHIN',
  /** (Place)-[:IN_COUNTRY]->(Nation) */
  IN_COUNTRY: 'IN_COUNTRY',
  /** (Topic)-[:BROADER]->(Topic): the child points at its broader topic. */
  BROADER: 'BROADER',
  /** (Meeting)-[:HELD_AT]->(Place) */
  HELD_AT: 'HELD_AT',
  /** (Organization)-[:CONVENED]->(Meeting) */
  CONVENED: 'CONVENED',
  /** (Actor)-[:CHAIRED]->(Meeting) */
  CHAIRED: 'CHAIRED',
  /** (Actor)-[:ATTENDED]->(Meeting) */
  ATTENDED: 'ATTENDED',
  /** (Meeting|Statement|Position)-[:ABOUT]->(Topic) */
  ABOUT: 'ABOUT',
  /** (Actor)-[:SAID]->(Statement) */
  SAID: 'SAID',
  /** (Statement)-[:MADE_AT]->(Meeting) */
  MADE_AT: 'MADE_AT',
  /** (Actor)-[:TOOK]->(Position) */
  TOOK: 'TOOK',
  /** (Position)-[:EXPRESSED_IN]->(Statement) */
  EXPRESSED_IN: 'EXPRESSED_IN',
  /** (fact)-[:EVIDENCED_BY]->(Evidence): meetings, statements, positions, roles, entities. */
  EVIDENCED_BY: 'EVIDENCED_BY',
  /** (Evidence)-[:EXCERPT_OF]->(Source) */
  EXCERPT_OF: 'EXCERPT_OF',
  /** (Source)-[:MENTIONS]->(entity): which documents speak of what. */
  MENTIONS: 'MENTIONS',
  /** (fact)-[:RETRACTED_BY]->(Retraction) */
  RETRACTED_BY: 'RETRACTED_BY',
  /** (IdAlias)-[:ALIAS_OF]->(node): the id is another name of the node. */
  ALIAS_OF: 'ALIAS_OF',
  /** (Claim)-[:CLAIM_ABOUT]->(Meeting|Statement|Position) */
  CLAIM_ABOUT: 'CLAIM_ABOUT',
  /** (Claim)-[:CLAIMED_IN]->(Source) */
  CLAIMED_IN: 'CLAIMED_IN',
  /** (Source)-[:PUBLISHED_BY]->(Publisher) */
  PUBLISHED_BY: 'PUBLISHED_BY',
  /** (new entity)-[:POSSIBLE_DUPLICATE {score, reason, sourceId, at}]->(stored entity): for an editor. */
  POSSIBLE_DUPLICATE: 'POSSIBLE_DUPLICATE',
  /** (Assessment)-[:ASSESSES]->(Publisher|fact) */
  ASSESSES: 'ASSESSES',
} as const;
export type Rel = (typeof Rel)[keyof typeof Rel];

/** Entity label for an id such as `nation:gbr`, or undefined when the prefix is unknown. */
export function labelForId(id: string): EntityLabel | undefined {
  const colon = id.indexOf(':');
  if (colon === -1) return undefined;
  const prefix = id.slice(0, colon);
  return ENTITY_LABELS.find((label) => ID_PREFIX[label] === prefix);
}

export function isActorLabel(label: Label): label is ActorLabel {
  return oneOf(ACTOR_LABELS, label);
}

export function isNamedLabel(label: Label): label is NamedLabel {
  return oneOf(NAMED_LABELS, label);
}

function oneOf<T extends Label>(labels: readonly T[], label: Label): label is T {
  return (labels as readonly Label[]).includes(label);
}

/** Actor label for an id such as `nation:gbr`, or undefined when the id is not an actor's. */
export function actorLabelForId(id: string): ActorLabel | undefined {
  const label = labelForId(id);
  return label && isActorLabel(label) ? label : undefined;
}
