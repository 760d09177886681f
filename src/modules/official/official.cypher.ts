/** Cypher specs for officials and their roles. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import { namedListing } from '../common/named-listing.cypher';

export function officialsQuery(filter: { name?: string | null }): RootPageSpec {
  return namedListing(Label.Official, filter);
}

export const OFFICIAL_NATION: RelationSpec = {
  name: 'Official.nation',
  parentLabel: Label.Official,
  ...outgoing(Rel.NATIONAL_OF, Label.Nation),
  sortKey: byProperty('sortName'),
};

export const OFFICIAL_ROLES: RelationSpec = {
  name: 'Official.roles',
  parentLabel: Label.Official,
  ...outgoing(Rel.HOLDS_ROLE, Label.Role),
  sortKey: (node) => `coalesce(${node}.since, ${node}.asOf)`,
};

export const ROLE_NATION: RelationSpec = {
  name: 'Role.nation',
  parentLabel: Label.Role,
  ...outgoing(Rel.ROLE_FOR_NATION, Label.Nation),
  sortKey: byProperty('sortName'),
};

export const ROLE_ORGANIZATION: RelationSpec = {
  name: 'Role.organization',
  parentLabel: Label.Role,
  ...outgoing(Rel.ROLE_IN, Label.Organization),
  sortKey: byProperty('sortName'),
};

export const ROLE_HOLDER: RelationSpec = {
  name: 'Role.holder',
  parentLabel: Label.Role,
  ...incoming(Rel.HOLDS_ROLE, Label.Official),
  sortKey: byProperty('sortName'),
};
