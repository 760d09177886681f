/**
 * What can be exported, declared once: each type's label, the key its rows are ordered by, which
 * filters apply, and its columns as Cypher over the exported node `n`. The batch builder
 * (export.cypher.ts), the request parser and the docs all read these declarations.
 */
import { Label, Rel, type ActorLabel } from '../graph/model';
import type { RelationSpec } from '../graph/page-spec';
import { actorRelations } from '../modules/node/actor.cypher';
import {
  MEETING_CHAIRS,
  MEETING_CONVENED_BY,
  MEETING_PARTICIPANTS,
  MEETING_PLACE,
  MEETING_TOPICS,
} from '../modules/meeting/meeting.cypher';
import {
  OFFICIAL_NATION,
  ROLE_HOLDER,
  ROLE_NATION,
  ROLE_ORGANIZATION,
} from '../modules/official/official.cypher';
import { ORGANIZATION_LEADERS, ORGANIZATION_MEMBERS } from '../modules/organization/organization.cypher';
import { PLACE_COUNTRY, PLACE_WITHIN } from '../modules/place/place.cypher';
import { POSITION_HOLDER, POSITION_STATEMENTS, POSITION_TOPIC } from '../modules/position/position.cypher';
import {
  STATEMENT_MEETING,
  STATEMENT_SPEAKER,
  STATEMENT_TOPICS,
} from '../modules/statement/statement.cypher';
import { TOPIC_BROADER } from '../modules/topic/topic.cypher';

/** One column: its header and a Cypher expression over `n` (a value, or a list joined in the cell). */
export interface ExportColumn {
  header: string;
  value: string;
}

/** Both ends of an actor filter: the actor bound to `actor`, the exported node to `n`. */
export type ActorPath = (label: ActorLabel) => string;

interface ExportTypeBase {
  label: Label;
  /**
   * Cypher string expression over `n` that orders the rows (then `n.id`): the batches are keyset
   * pages on (key, id). When it is a plain indexed property, each batch seeks the index.
   */
  key: string;
  columns: readonly ExportColumn[];
}

/** Entities: one row each, by id. No filters. */
export interface EntityExportType extends ExportTypeBase {
  kind: 'entity';
}

/** Facts: one row per fact and evidence excerpt, by date then id; retracted ones on request. */
export interface FactExportType extends ExportTypeBase {
  kind: 'fact';
  /** The fact's date, for `from`/`to`; null when the type has no single date (roles). */
  date: string | null;
  /** The facts of an actor; a nation's include its officials' (the API's lists' rule). */
  actor: ActorPath;
  /** Whether the fact is ABOUT topics, so `topic` applies. */
  topics: boolean;
}

export type ExportType = EntityExportType | FactExportType;

/** Related nodes' property through `spec`, as a list ordered by the related node's id. */
function related(header: string, spec: RelationSpec, property: string): ExportColumn {
  // Retracted facts (a statement's meeting) are left out unless the export includes them.
  return {
    header,
    value: `[x IN COLLECT { MATCH ${spec.pattern({ parent: 'n', node: 'x' })} WHERE $includeRetracted OR x.retractedAt IS NULL RETURN DISTINCT x ORDER BY x.id } | coalesce(toString(x.${property}), '')]`,
  };
}

function own(header: string, property: string): ExportColumn {
  return { header, value: `n.${property}` };
}

const ID = own('id', 'id');
const NAME = own('name', 'name');
const ALIASES = own('aliases', 'aliases');
const WIKIDATA = own('wikidata', 'wikidata');
const EVENT_CODES = [own('cameo_code', 'cameoCode'), own('plover_code', 'ploverCode')];

/** A fact type's actor filter, read from the relation every actor's own lists use (actor.cypher.ts). */
function actorFacts(relation: 'meetings' | 'statements' | 'positions'): ActorPath {
  return (label) => actorRelations(label)[relation].pattern({ parent: 'actor', node: 'n' });
}

/**
 * A role is the fact of an official holding an office: an official's roles, a nation's officials'
 * roles, and the roles in an organization (an organization holds no office itself).
 */
const actorRoles: ActorPath = (label) =>
  label === Label.Organization
    ? `(actor)<-[:${Rel.ROLE_IN}]-(n:${Label.Role})`
    : `(actor)<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Official})-[:${Rel.HOLDS_ROLE}]->(n:${Label.Role})`;

/** Facts, by the name of their route (`/export/meetings.csv`). */
export const FACT_EXPORTS = {
  meetings: {
    kind: 'fact',
    label: Label.Meeting,
    key: 'n.date',
    date: 'n.date',
    actor: actorFacts('meetings'),
    topics: true,
    columns: [
      ID,
      own('date', 'date'),
      own('title', 'title'),
      own('status', 'status'),
      own('status_as_of', 'statusAsOf'),
      own('date_text', 'dateText'),
      related('place_id', MEETING_PLACE, 'id'),
      related('place_name', MEETING_PLACE, 'name'),
      related('convened_by_ids', MEETING_CONVENED_BY, 'id'),
      related('convened_by_names', MEETING_CONVENED_BY, 'name'),
      related('chair_ids', MEETING_CHAIRS, 'id'),
      related('chair_names', MEETING_CHAIRS, 'name'),
      related('participant_ids', MEETING_PARTICIPANTS, 'id'),
      related('participant_names', MEETING_PARTICIPANTS, 'name'),
      own('nations_represented', 'nationsRepresented'),
      own('nations_represented_approximate', 'nationsRepresentedApproximate'),
      related('topic_ids', MEETING_TOPICS, 'id'),
      related('topic_names', MEETING_TOPICS, 'name'),
      ...EVENT_CODES,
    ],
  },
  statements: {
    kind: 'fact',
    label: Label.Statement,
    // The date, or '' when undated: undated statements come first, as in the API's list.
    key: 'n.sortDate',
    date: 'n.date',
    actor: actorFacts('statements'),
    topics: true,
    columns: [
      ID,
      own('date', 'date'),
      own('kind', 'kind'),
      own('text', 'text'),
      related('speaker_id', STATEMENT_SPEAKER, 'id'),
      related('speaker_name', STATEMENT_SPEAKER, 'name'),
      related('meeting_id', STATEMENT_MEETING, 'id'),
      related('meeting_title', STATEMENT_MEETING, 'title'),
      related('topic_ids', STATEMENT_TOPICS, 'id'),
      related('topic_names', STATEMENT_TOPICS, 'name'),
      ...EVENT_CODES,
    ],
  },
  positions: {
    kind: 'fact',
    label: Label.Position,
    key: 'n.sortDate',
    date: 'n.date',
    actor: actorFacts('positions'),
    topics: true,
    columns: [
      ID,
      own('date', 'date'),
      own('stance', 'stance'),
      own('summary', 'summary'),
      related('holder_id', POSITION_HOLDER, 'id'),
      related('holder_name', POSITION_HOLDER, 'name'),
      related('topic_id', POSITION_TOPIC, 'id'),
      related('topic_name', POSITION_TOPIC, 'name'),
      related('statement_ids', POSITION_STATEMENTS, 'id'),
      ...EVENT_CODES,
    ],
  },
  roles: {
    kind: 'fact',
    label: Label.Role,
    // When it began, else the date it was reported held (as an official's roles are ordered).
    key: `coalesce(n.since, n.asOf, '')`,
    date: null,
    actor: actorRoles,
    topics: false,
    columns: [
      ID,
      own('title', 'title'),
      own('since', 'since'),
      own('until', 'until'),
      own('as_of', 'asOf'),
      related('holder_id', ROLE_HOLDER, 'id'),
      related('holder_name', ROLE_HOLDER, 'name'),
      related('nation_id', ROLE_NATION, 'id'),
      related('nation_name', ROLE_NATION, 'name'),
      related('organization_id', ROLE_ORGANIZATION, 'id'),
      related('organization_name', ROLE_ORGANIZATION, 'name'),
    ],
  },
} as const satisfies Record<string, FactExportType>;

/** Entities, by the name of their route (`/export/nations.csv`). */
export const ENTITY_EXPORTS = {
  nations: {
    kind: 'entity',
    label: Label.Nation,
    key: 'n.id',
    columns: [ID, NAME, ALIASES, own('iso3', 'iso3'), WIKIDATA],
  },
  officials: {
    kind: 'entity',
    label: Label.Official,
    key: 'n.id',
    columns: [
      ID,
      NAME,
      ALIASES,
      related('nation_id', OFFICIAL_NATION, 'id'),
      related('nation_name', OFFICIAL_NATION, 'name'),
      WIKIDATA,
    ],
  },
  organizations: {
    kind: 'entity',
    label: Label.Organization,
    key: 'n.id',
    columns: [
      ID,
      NAME,
      ALIASES,
      own('kind', 'kind'),
      related('member_ids', ORGANIZATION_MEMBERS, 'id'),
      related('leader_ids', ORGANIZATION_LEADERS, 'id'),
      WIKIDATA,
    ],
  },
  topics: {
    kind: 'entity',
    label: Label.Topic,
    key: 'n.id',
    columns: [
      ID,
      NAME,
      ALIASES,
      related('broader_id', TOPIC_BROADER, 'id'),
      related('broader_name', TOPIC_BROADER, 'name'),
    ],
  },
  places: {
    kind: 'entity',
    label: Label.Place,
    key: 'n.id',
    columns: [
      ID,
      NAME,
      ALIASES,
      own('kind', 'kind'),
      related('within_id', PLACE_WITHIN, 'id'),
      related('within_name', PLACE_WITHIN, 'name'),
      related('country_id', PLACE_COUNTRY, 'id'),
      related('country_name', PLACE_COUNTRY, 'name'),
    ],
  },
  sources: {
    kind: 'entity',
    label: Label.Source,
    key: 'n.id',
    // Not the text: whole articles overflow spreadsheet cells (32,767 characters in Excel).
    columns: [
      ID,
      own('title', 'title'),
      own('publisher', 'publisher'),
      own('published_at', 'publishedAt'),
      own('url', 'url'),
    ],
  },
} as const satisfies Record<string, EntityExportType>;

export type FactExportName = keyof typeof FACT_EXPORTS;
export type EntityExportName = keyof typeof ENTITY_EXPORTS;
export type ExportName = FactExportName | EntityExportName;

/**
 * The evidence columns of every fact export, over the evidence item `ev` the batch statement
 * binds per row (null for a fact without evidence: every cell empty).
 */
export const EVIDENCE_COLUMNS: readonly ExportColumn[] = [
  { header: 'evidence_excerpt', value: 'ev.excerpt' },
  { header: 'source_id', value: 'ev.sourceId' },
  { header: 'source_title', value: 'ev.title' },
  { header: 'publisher', value: 'ev.publisher' },
  { header: 'source_date', value: 'ev.date' },
];

/** Set only when retracted facts are included: when the fact was retracted, empty if it stands. */
export const RETRACTED_COLUMN: ExportColumn = own('retracted_at', 'retractedAt');

/** Every column of a row, in order: the type's own, then for facts `retracted_at` (when asked) and the evidence. */
export function columnsOf(type: ExportType, includeRetracted: boolean): ExportColumn[] {
  if (type.kind === 'entity') return [...type.columns];
  return [...type.columns, ...(includeRetracted ? [RETRACTED_COLUMN] : []), ...EVIDENCE_COLUMNS];
}

export function isFactExportName(name: string): name is FactExportName {
  return Object.hasOwn(FACT_EXPORTS, name);
}

export function isEntityExportName(name: string): name is EntityExportName {
  return Object.hasOwn(ENTITY_EXPORTS, name);
}

export function exportTypeOf(name: ExportName): ExportType {
  return isFactExportName(name) ? FACT_EXPORTS[name] : ENTITY_EXPORTS[name];
}
