/**
 * Rewrites every id a document uses (its records' own ids and every reference) through a map, so
 * a document that calls a stored meeting or official by another id writes to the stored node.
 * Pure: the map comes from the resolver.
 */
import type { Document } from '../document.format';
import type { UnresolvedReference } from '../document.loader';

export type IdMap = ReadonlyMap<string, string>;

export function renameDocumentIds(document: Document, map: IdMap): Document {
  if (map.size === 0) return document;
  const id = (value: string) => map.get(value) ?? value;
  const optional = (value: string | undefined) => (value === undefined ? undefined : id(value));
  const ids = (values: string[]) => [...new Set(values.map(id))];
  return {
    ...document,
    nations: document.nations.map((nation) => ({ ...nation, id: id(nation.id) })),
    officials: document.officials.map((official) => ({
      ...official,
      id: id(official.id),
      nation: optional(official.nation),
      roles: official.roles.map((role) => ({
        ...role,
        id: id(role.id),
        nation: optional(role.nation),
        organization: optional(role.organization),
      })),
    })),
    organizations: document.organizations.map((organization) => ({
      ...organization,
      id: id(organization.id),
      members: organization.members.map((member) => ({ ...member, nation: id(member.nation) })),
      leaders: organization.leaders.map((leader) => ({ ...leader, actor: id(leader.actor) })),
    })),
    places: document.places.map((place) => ({
      ...place,
      id: id(place.id),
      country: optional(place.country),
      within: optional(place.within),
    })),
    topics: document.topics.map((topic) => ({
      ...topic,
      id: id(topic.id),
      broader: optional(topic.broader),
    })),
    meetings: document.meetings.map((meeting) => ({
      ...meeting,
      id: id(meeting.id),
      place: optional(meeting.place),
      convenedBy: ids(meeting.convenedBy),
      chairs: ids(meeting.chairs),
      participants: ids(meeting.participants),
      topics: ids(meeting.topics),
    })),
    statements: document.statements.map((statement) => ({
      ...statement,
      id: id(statement.id),
      speaker: id(statement.speaker),
      meeting: optional(statement.meeting),
      topics: ids(statement.topics),
    })),
    positions: document.positions.map((position) => ({
      ...position,
      id: id(position.id),
      holder: id(position.holder),
      topic: id(position.topic),
      statements: ids(position.statements),
    })),
  };
}

export function renameReferences(
  references: readonly UnresolvedReference[],
  map: IdMap,
): UnresolvedReference[] {
  return references.map((reference) => ({ ...reference, id: map.get(reference.id) ?? reference.id }));
}
