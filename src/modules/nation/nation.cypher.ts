/** Cypher specs for nations: listing with filters, and relations to officials and organizations. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import { namedListing } from '../common/named-listing.cypher';

export function nationsQuery(filter: { name?: string | null }): RootPageSpec {
  return namedListing(Label.Nation, filter);
}

export const NATION_OFFICIALS: RelationSpec = {
  name: 'Nation.officials',
  parentLabel: Label.Nation,
  ...incoming(Rel.NATIONAL_OF, Label.Official),
  sortKey: byProperty('sortName'),
};

export const NATION_MEMBERSHIPS: RelationSpec = {
  name: 'Nation.memberships',
  parentLabel: Label.Nation,
  ...outgoing(Rel.MEMBER_OF, Label.Organization),
  sortKey: byProperty('sortName'),
};
