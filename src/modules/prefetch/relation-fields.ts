/**
 * The relation fields a page statement may fetch ahead: each one's resolver returns exactly
 * `reader.relationList(spec, parent.id, first)` (or `relationOne`, a list of one), so an answer
 * fetched ahead is the answer its resolver would have loaded. tests/prefetch.test.ts checks every
 * entry against the resolver's own answer.
 */
import { Label } from '../../graph/model';
import type { RelationSpec } from '../../graph/paging.cypher';
import { EVIDENCE_SOURCE, evidenceOf } from '../evidence/evidence.cypher';
import {
  MEETING_CHAIRS,
  MEETING_CONVENED_BY,
  MEETING_PARTICIPANTS,
  MEETING_PLACE,
  MEETING_SOURCES,
  MEETING_STATEMENTS,
  MEETING_TOPICS,
} from '../meeting/meeting.cypher';
import { NATION_EVIDENCE, NATION_MEMBERSHIPS, NATION_OFFICIALS } from '../nation/nation.cypher';
import {
  OFFICIAL_NATION,
  OFFICIAL_ROLES,
  ROLE_HOLDER,
  ROLE_NATION,
  ROLE_ORGANIZATION,
} from '../official/official.cypher';
import {
  ORGANIZATION_LEADERS,
  ORGANIZATION_LEADING_NATIONS,
  ORGANIZATION_MEMBERS,
} from '../organization/organization.cypher';
import { PLACE_COUNTRY, PLACE_EVIDENCE, PLACE_WITHIN } from '../place/place.cypher';
import { POSITION_HOLDER, POSITION_STATEMENTS, POSITION_TOPIC } from '../position/position.cypher';
import {
  STATEMENT_MEETING,
  STATEMENT_POSITIONS,
  STATEMENT_SPEAKER,
  STATEMENT_TOPICS,
} from '../statement/statement.cypher';
import { TOPIC_BROADER, TOPIC_EVIDENCE, TOPIC_NARROWER } from '../topic/topic.cypher';

/** `one`: the field is a single related node (`relationOne`); otherwise a list taking `first`. */
export interface RelationField {
  spec: RelationSpec;
  one: boolean;
}

const one = (spec: RelationSpec): RelationField => ({ spec, one: true });
const list = (spec: RelationSpec): RelationField => ({ spec, one: false });

/** GraphQL object type name -> field name -> the relation its resolver loads. */
export const RELATION_FIELDS: Readonly<Record<string, Readonly<Record<string, RelationField>>>> = {
  Nation: {
    officials: list(NATION_OFFICIALS),
    memberships: list(NATION_MEMBERSHIPS),
    evidence: list(NATION_EVIDENCE),
  },
  Official: {
    nation: one(OFFICIAL_NATION),
    roles: list(OFFICIAL_ROLES),
    evidence: list(evidenceOf(Label.Official)),
  },
  Role: {
    nation: one(ROLE_NATION),
    organization: one(ROLE_ORGANIZATION),
    holder: one(ROLE_HOLDER),
    evidence: list(evidenceOf(Label.Role)),
  },
  Organization: {
    members: list(ORGANIZATION_MEMBERS),
    leaders: list(ORGANIZATION_LEADING_NATIONS),
    leadingActors: list(ORGANIZATION_LEADERS),
    evidence: list(evidenceOf(Label.Organization)),
  },
  Place: { country: one(PLACE_COUNTRY), within: one(PLACE_WITHIN), evidence: list(PLACE_EVIDENCE) },
  Topic: { broader: one(TOPIC_BROADER), narrower: list(TOPIC_NARROWER), evidence: list(TOPIC_EVIDENCE) },
  Meeting: {
    place: one(MEETING_PLACE),
    convenedBy: list(MEETING_CONVENED_BY),
    chairs: list(MEETING_CHAIRS),
    participants: list(MEETING_PARTICIPANTS),
    topics: list(MEETING_TOPICS),
    statements: list(MEETING_STATEMENTS),
    evidence: list(evidenceOf(Label.Meeting)),
    sources: list(MEETING_SOURCES),
  },
  Statement: {
    speaker: one(STATEMENT_SPEAKER),
    meeting: one(STATEMENT_MEETING),
    topics: list(STATEMENT_TOPICS),
    positions: list(STATEMENT_POSITIONS),
    evidence: list(evidenceOf(Label.Statement)),
  },
  Position: {
    holder: one(POSITION_HOLDER),
    topic: one(POSITION_TOPIC),
    statements: list(POSITION_STATEMENTS),
    evidence: list(evidenceOf(Label.Position)),
  },
  Evidence: { source: one(EVIDENCE_SOURCE) },
};
